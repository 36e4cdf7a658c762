package kit

import (
	"strings"

	"backtrack/store"
)

// SplitSide takes a side named at the end of what was typed ("ql l",
// "gmed right") off the name.
func SplitSide(typed string) (string, store.Side) {
	fields := strings.Fields(typed)
	if len(fields) < 2 {
		return typed, store.NoSide
	}
	last := strings.ToLower(fields[len(fields)-1])
	for _, s := range store.Sides {
		if last == string(s) || last == strings.ToLower(s.Short()) || last == string(s)[:1] {
			return strings.Join(fields[:len(fields)-1], " "), s
		}
	}
	return typed, store.NoSide
}
