// Package filesize words a file's size for people, the same in the desk
// and on the command line: "840 KB", "12.3 MB".
package filesize

import "fmt"

// Text is n bytes in the largest unit that keeps the number readable.
func Text(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
