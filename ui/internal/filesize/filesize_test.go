package filesize

import "testing"

func TestText(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1023, "1023 bytes"},
		{1024, "1 KB"},
		{860_000, "839 KB"},
		{1 << 20, "1.0 MB"},
		{12_900_000, "12.3 MB"},
	} {
		if got := Text(tc.n); got != tc.want {
			t.Errorf("Text(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
