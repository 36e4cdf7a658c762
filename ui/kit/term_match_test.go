package kit

import (
	"testing"

	"backtrack/store"
)

func TestASideTypedAfterANameIsTakenOff(t *testing.T) {
	for typed, want := range map[string]store.Side{"ql l": store.Left, "gmed right": store.Right, "ql b": store.Both, "ql": store.NoSide} {
		if _, side := SplitSide(typed); side != want {
			t.Errorf("%q: side %q, want %q", typed, side, want)
		}
	}
}
