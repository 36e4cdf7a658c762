package store

import "fmt"

// LogHead is the latest entry of the record's history: its sequence number
// and hash. Printed on a report or kept beside a backup it anchors the
// history where the file's editor does not reach: a record whose history
// later ends before it, or does not hold it, was cut or replaced.
type LogHead struct {
	Seq  int64
	Hash string
}

// Short is the head as a report's footer prints it: "Record #1234 ·
// 3f9a2c1d"; "" when the history is empty.
func (h LogHead) Short() string {
	if h.Seq == 0 {
		return ""
	}
	return fmt.Sprintf("Record #%d · %.8s", h.Seq, h.Hash)
}
