package dates

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestReadForms(t *testing.T) {
	for _, c := range []struct {
		in    string
		order Order
		want  string // YYYY-MM-DD, or "" for refused
		says  string // a part of the refusal
	}{
		{"2026-12-07", DayFirst, "2026-12-07", ""},
		{"2026-12-07", MonthFirst, "2026-12-07", ""},
		{"  2026-12-07 ", Unknown, "2026-12-07", ""},
		{"2026/12/7", MonthFirst, "2026-12-07", ""},
		{"2026.12.07", Unknown, "2026-12-07", ""},
		{"25.11.2026", DayFirst, "2026-11-25", ""},
		{"25.11.2026", MonthFirst, "2026-11-25", ""}, // dots are day-first everywhere
		{"07.12.2026", MonthFirst, "2026-12-07", ""},
		{"7. 12. 2026", DayFirst, "2026-12-07", ""},
		{"14/03/1979", DayFirst, "1979-03-14", ""},
		{"3/14/1979", MonthFirst, "1979-03-14", ""},
		{"07/12/2026", DayFirst, "2026-12-07", ""},
		{"07/12/2026", MonthFirst, "2026-07-12", ""},
		{"07-12-2026", DayFirst, "2026-12-07", ""},
		{"12-07-2026", MonthFirst, "2026-12-07", ""},
		{"25/11/2026", Unknown, "2026-11-25", ""},
		{"11/25/2026", Unknown, "2026-11-25", ""},
		{"05/05/2026", Unknown, "2026-05-05", ""},
		{"29.02.2024", DayFirst, "2024-02-29", ""},
		{"2000-02-29", DayFirst, "2000-02-29", ""},
		{"02/29/2028", MonthFirst, "2028-02-29", ""},
		{"29.02.2026", DayFirst, "", `"29.02.2026" is not a date: February 2026 has 28 days`},
		{"1900-02-29", DayFirst, "", "February 1900 has 28 days"},
		{"31.04.2026", DayFirst, "", "April 2026 has 30 days"},
		{"2026-13-01", DayFirst, "", "there is no month 13"},
		{"00.12.2026", DayFirst, "", "December 2026 has 31 days"},
		{"25/11/2026", MonthFirst, "", "no month 25 (read with the month first)"},
		{"11/25/2026", DayFirst, "", "no month 25 (read with the day first)"},
		{"07/12/2026", Unknown, "", "could be 7 December 2026 or July 12, 2026"},
		{"07.12.26", DayFirst, "", "write the year in full (1926 or 2026?)"},
		{"14/03/79", MonthFirst, "", "write the year in full"},
		{"", DayFirst, "", "no date was given"},
		{"yesterday", DayFirst, "", `"yesterday" is not a date like`},
		{"2026-12", DayFirst, "", "is not a date like"},
		{"2026-12-07-01", DayFirst, "", "is not a date like"},
		{"25.11/2026", DayFirst, "", "is not a date like"},
		{"2026--12", DayFirst, "", "is not a date like"},
		{"20261207", DayFirst, "", "is not a date like"},
		{"1/2/3", DayFirst, "", "is not a date like"},
	} {
		got, err := Read(c.in, c.order)
		if c.want == "" {
			if err == nil || !strings.Contains(err.Error(), c.says) {
				t.Errorf("Read(%q, %v) = %v, %v; want a refusal saying %q", c.in, c.order, got, err, c.says)
			}
			continue
		}
		if err != nil || got.Format("2006-01-02") != c.want || got.Location() != time.Local || got.Hour() != 0 {
			t.Errorf("Read(%q, %v) = %v, %v; want %s at local midnight", c.in, c.order, got, err, c.want)
		}
	}
}

func TestAmbiguousIsAnError(t *testing.T) {
	if _, err := Read("03/04/2026", Unknown); !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("err = %v, want ErrAmbiguous", err)
	}
}

func TestOrderOfColumn(t *testing.T) {
	for _, c := range []struct {
		values []string
		want   Order
		index  int // of the ambiguous value, -1 for none
	}{
		{[]string{"2026-12-07", "", "25.11.2026"}, Unknown, -1},
		{[]string{"03/04/2026", "25/11/2026", "07/12/2026"}, DayFirst, -1},
		{[]string{"03-04-2026", "11-25-2026"}, MonthFirst, -1},
		{[]string{"11/25/2026", "25/11/2026"}, MonthFirst, -1}, // the first to tell decides
		{[]string{"", "2026-01-01", "03/04/2026", "07/12/2026"}, Unknown, 2},
		{[]string{"05/05/2026", "07/07/2026"}, Unknown, -1}, // both orders read the same days
	} {
		got, err := OrderOfColumn(c.values)
		var amb *AmbiguousColumnError
		switch {
		case c.index < 0 && (err != nil || got != c.want):
			t.Errorf("OrderOfColumn(%q) = %v, %v; want %v", c.values, got, err, c.want)
		case c.index >= 0 && (!errors.As(err, &amb) || amb.Index != c.index || !errors.Is(err, ErrAmbiguous)):
			t.Errorf("OrderOfColumn(%q) = %v, %v; want ambiguous at %d", c.values, got, err, c.index)
		}
	}
}

func TestParseOrder(t *testing.T) {
	for in, want := range map[string]Order{"day-first": DayFirst, "Month-First": MonthFirst, "": Unknown} {
		if got, err := ParseOrder(in); err != nil || got != want || (want != Unknown && got.String() != strings.ToLower(in)) {
			t.Errorf("ParseOrder(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseOrder("sideways"); err == nil || !strings.Contains(err.Error(), `"sideways"`) {
		t.Errorf("ParseOrder(sideways) = %v", err)
	}
}

func TestOrderOfLocaleName(t *testing.T) {
	for name, want := range map[string]Order{
		"en_US.UTF-8": MonthFirst, "en-US": MonthFirst, "fil-PH": MonthFirst, "en_PH": MonthFirst,
		"en-Latn-US": MonthFirst, "en_GB.UTF-8": DayFirst, "de_DE@euro": DayFirst, "en-CA": DayFirst,
		"C": DayFirst, "C.UTF-8": DayFirst, "POSIX": DayFirst, "": DayFirst, "fr_FR": DayFirst,
	} {
		if got := OrderOfLocaleName(name); got != want {
			t.Errorf("OrderOfLocaleName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestOrderOfPattern(t *testing.T) {
	for p, want := range map[string]Order{
		"M/d/yyyy": MonthFirst, "dd.MM.yyyy": DayFirst, "d/M/yyyy": DayFirst,
		"yyyy-MM-dd": Unknown, "yyyy/M/d": Unknown, "": Unknown,
	} {
		if got := orderOfPattern(p); got != want {
			t.Errorf("orderOfPattern(%q) = %v, want %v", p, got, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{"2026-12-07", "25.11.2026", "7. 12. 2026", "3/14/1979", "07-12-2026", "29.02.2024", "x", "1/2/3"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, o uint8) {
		order := Order(o % 3)
		d, err := Read(s, order)
		if err != nil {
			// Every refusal quotes the value it refuses.
			if quoted := fmt.Sprintf("%q", clip(strings.TrimSpace(s))); strings.TrimSpace(s) != "" && !strings.Contains(err.Error(), quoted) {
				t.Fatalf("Read(%q) refused without naming the value: %v", s, err)
			}
			return
		}
		// A date read writes back as ISO and reads again as itself.
		again, err := Read(d.Format("2006-01-02"), order)
		if err != nil || !again.Equal(d) {
			t.Fatalf("Read(%q) = %v, but its ISO form reads %v, %v", s, d, again, err)
		}
	})
}
