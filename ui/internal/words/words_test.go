package words

import "testing"

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "0 visits"},
		{1, "1 visit"},
		{2, "2 visits"},
		{12000, "12000 visits"},
	} {
		if got := Plural(tc.n, "visit", "visits"); got != tc.want {
			t.Errorf("Plural(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
