package store

import (
	"fmt"
	"testing"
)

// parsePoint is a shortcut past fmt's scanner: whatever it accepts, the
// scanner reads the same, and what it refuses goes to the scanner.
func TestParsePointReadsWhatTheScannerReads(t *testing.T) {
	for _, field := range []string{"0,0,0", "12,340,5678", "-3,+4,5", "007,08,9", "1,2,3x", "1,2", "1,,3", ",1,2",
		"a,b,c", "1,2,3,4", "99999999999999999999,1,2", "1.5,2,3", " 1,2,3"} {
		got, ok := parsePoint(field)
		var want SignaturePoint
		_, err := fmt.Sscanf(field, "%d,%d,%d", &want.X, &want.Y, &want.T)
		if ok && (err != nil || got != want) {
			t.Errorf("%q: read as %v, the scanner reads %v (%v)", field, got, want, err)
		}
	}
}
