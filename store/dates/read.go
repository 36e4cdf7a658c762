package dates

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrAmbiguous is wrapped by the error for a slash or dash date that reads
// as two different days (07/12/2026) when the order is Unknown.
var ErrAmbiguous = errors.New("the order of day and month is not known")

// Read reads s (spaces around it ignored) as a date at midnight local
// time, in any of the forms of the package comment; order decides a
// slash or dash date with its year last. The error is a sentence that
// quotes s and says what is wrong ("31.02.2026" is not a date: February
// 2026 has 28 days), for the caller to put after the field's name.
func Read(s string, order Order) (time.Time, error) {
	w, err := split(s)
	if err != nil {
		return time.Time{}, err
	}
	switch {
	case w.yearFirst:
		return day(w, w.a, w.b, w.c)
	case w.sep == '.':
		return day(w, w.c, w.b, w.a)
	}
	switch order {
	case DayFirst:
		return day(w, w.c, w.b, w.a)
	case MonthFirst:
		return day(w, w.c, w.a, w.b)
	}
	dm, dmErr := day(w, w.c, w.b, w.a)
	md, mdErr := day(w, w.c, w.a, w.b)
	switch {
	case dmErr == nil && mdErr == nil && !dm.Equal(md):
		return time.Time{}, fmt.Errorf("%q could be %s or %s: %w", w.text,
			dm.Format("2 January 2006"), md.Format("January 2, 2006"), ErrAmbiguous)
	case dmErr == nil:
		return dm, nil
	case mdErr == nil:
		return md, nil
	}
	return time.Time{}, dmErr
}

// written is a date split into its three numbers, as typed.
type written struct {
	text      string
	a, b, c   int  // the numbers in the order written
	sep       byte // '-', '/' or '.'
	yearFirst bool
}

// split takes s apart into three numbers and their separator, refusing
// what is no date form at all.
func split(s string) (written, error) {
	w := written{text: clip(strings.TrimSpace(s))}
	t := strings.TrimSpace(s)
	if t == "" {
		return w, errors.New("no date was given")
	}
	var nums []string
	start := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] >= '0' && t[i] <= '9' {
			continue
		}
		if i == start {
			return w, notAForm(w.text)
		}
		nums = append(nums, t[start:i])
		if i == len(t) {
			break
		}
		sep := t[i]
		if sep != '-' && sep != '/' && sep != '.' || (w.sep != 0 && sep != w.sep) || len(nums) == 3 {
			return w, notAForm(w.text)
		}
		w.sep = sep
		i++
		if sep == '.' { // "7. 12. 2026", as Czech and Swiss French write it
			for i < len(t) && t[i] == ' ' {
				i++
			}
		}
		start = i
		i--
	}
	if len(nums) != 3 {
		return w, notAForm(w.text)
	}
	first, last := len(nums[0]), len(nums[2])
	switch {
	case first == 4 && len(nums[1]) <= 2 && last <= 2:
		w.yearFirst = true
	case first <= 2 && len(nums[1]) <= 2 && last == 4:
	case first <= 2 && len(nums[1]) <= 2 && last == 2:
		return w, fmt.Errorf("%q is not a date: write the year in full (19%s or 20%s?)", w.text, nums[2], nums[2])
	default:
		return w, notAForm(w.text)
	}
	w.a, _ = strconv.Atoi(nums[0])
	w.b, _ = strconv.Atoi(nums[1])
	w.c, _ = strconv.Atoi(nums[2])
	return w, nil
}

func notAForm(text string) error {
	return fmt.Errorf("%q is not a date like 2026-11-25 or 25.11.2026", text)
}

// day makes the date of year, month and day, or says why there is none.
func day(w written, year, month, d int) (time.Time, error) {
	if month < 1 || month > 12 {
		return time.Time{}, fmt.Errorf("%q is not a date: there is no month %d%s", w.text, month, orderHint(w))
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return time.Time{}, fmt.Errorf("%q is not a date: %s %d has %d days", w.text, time.Month(month), year, last)
	}
	return time.Date(year, time.Month(month), d, 0, 0, 0, 0, time.Local), nil
}

// orderHint says which order a year-last slash or dash date was read in,
// when that is why a month is out of range.
func orderHint(w written) string {
	if w.yearFirst || w.sep == '.' {
		return ""
	}
	if w.a > 12 && w.b <= 12 {
		return " (read with the month first)"
	}
	if w.b > 12 && w.a <= 12 {
		return " (read with the day first)"
	}
	return ""
}

// clip keeps a quoted value short enough for one line of an error.
func clip(s string) string {
	const most = 40
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}
