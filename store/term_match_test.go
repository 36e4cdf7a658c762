package store

import "testing"

func TestTypedAbbreviationsPickTheTermMeant(t *testing.T) {
	muscles := []Term{{Name: "Quadratus lumborum"}, {Name: "Gluteus medius"}, {Name: "Gluteus maximus"},
		{Name: "Gluteus minimus"}, {Name: "Tensor fasciae latae"}, {Name: "Latissimus dorsi"}, {Name: "QL"}}
	for typed, want := range map[string]string{
		"quadratus": "Quadratus lumborum", "quadr": "Quadratus lumborum", "lumb": "Quadratus lumborum",
		"gmed": "Gluteus medius", "glmax": "Gluteus maximus", "tfl": "Tensor fasciae latae",
		"Quadratus Lumborum": "Quadratus lumborum", "lat": "Latissimus dorsi",
		"ql": "QL", // the therapist's own short term comes first
	} {
		got := BestTerms(typed, muscles)
		if len(got) == 0 || got[0].Name != want {
			t.Errorf("%q picks %v, want %s", typed, got, want)
		}
	}
	if got := BestTerms("xyz", muscles); len(got) != 0 {
		t.Errorf("xyz picks %v", got)
	}
}
