package store

import (
	"strings"
	"testing"
)

// foldASCII must fold exactly as the general path does (lower case, runs
// of any space squeezed to one, none at the ends): the folded names of
// tags are part of every note's hash.
func TestFoldASCIIIsFold(t *testing.T) {
	general := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	for _, s := range []string{"", " ", "  ", "a", "A", "sharp / stabbing", "Sharp / Stabbing", " lead", "trail ",
		"two  spaces", "tab\there", "new\nline", "\v\f\r mixed \t\n", "Gluteus Medius (R)", "x y", "x\x1fy",
		"ALL CAPS", "a  ", "  a", "[]{}@`~", "Z", "z"} {
		if got, want := foldASCII(s), general(s); got != want {
			t.Errorf("foldASCII(%q) = %q, want %q", s, got, want)
		}
	}
}
