// Package words holds the small pieces of English the desk and the command
// line both write, so a count reads the same in a dialog and in a terminal.
package words

import "fmt"

// Plural is a count with its noun: "1 visit", "3 visits", "0 visits".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// DiskFull is the sentence for a write the disk had no room for, the same
// in a dialog and in a terminal (never SQLite's "database or disk is full
// (13)").
const DiskFull = "The disk is full. Free some space, then try again."
