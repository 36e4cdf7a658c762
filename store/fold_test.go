package store

import "testing"

func TestFoldIgnoresCaseAccentsAndSpacing(t *testing.T) {
	for in, want := range map[string]string{
		"José  Ñúñez":              "jose nunez",
		"Zoë Ångström-Łukasiewicz": "zoe angstrom-lukasiewicz",
		"  Anna   KELLER ":         "anna keller",
		"Straße Æsop":              "strasse aesop",
		"":                         "",
		"李 小龍":                     "李 小龍",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// Lists sort by folded names, thousands of times a start-up: a plain name
// must not pay for the Unicode normaliser's buffers.
func TestFoldOfAPlainNameAllocatesOnlyItsResult(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { Fold("Keller Anna") })
	if allocs > 3 {
		t.Errorf("Fold of a plain name made %.0f allocations, want at most 3", allocs)
	}
}
