//go:build !windows

package dates

import "testing"

func TestOrderOfLocaleReadsPOSIXVariables(t *testing.T) {
	for _, c := range []struct {
		all, time, lang string
		want            Order
	}{
		{"", "", "en_US.UTF-8", MonthFirst},
		{"", "en_GB.UTF-8", "en_US.UTF-8", DayFirst}, // LC_TIME decides dates over LANG
		{"en_US.UTF-8", "de_DE.UTF-8", "", MonthFirst},
		{"", "", "de_DE.UTF-8", DayFirst},
		{"", "", "C.UTF-8", DayFirst},
	} {
		t.Setenv("LC_ALL", c.all)
		t.Setenv("LC_TIME", c.time)
		t.Setenv("LANG", c.lang)
		if got := OrderOfLocale(); got != c.want {
			t.Errorf("LC_ALL=%q LC_TIME=%q LANG=%q: %v, want %v", c.all, c.time, c.lang, got, c.want)
		}
	}
}
