package postgres

import "testing"

func TestRebindNumbersPlaceholdersOutsideQuotes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = $1 AND b = $2"},
		{"SELECT '?' , ? FROM \"q?\" WHERE x LIKE ? ESCAPE '\\'", "SELECT '?' , $1 FROM \"q?\" WHERE x LIKE $2 ESCAPE '\\'"},
		{"VALUES (?, 'it''s ?', ?)", "VALUES ($1, 'it''s ?', $2)"},
	} {
		if got := rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
