package dates

import "fmt"

// OrderOfColumn finds the order a column of dates (one CSV column, every
// row's value; empty values allowed) is written in, from its values alone,
// never from the locale: a file may come from anywhere.
//
//   - No slash or dash date with its year last: Unknown, nil (none needs
//     an order).
//   - A first number over 12 (25/11/2026) shows DayFirst; a second over 12
//     (11/25/2026) shows MonthFirst. The first such value decides; a later
//     value that contradicts it is refused when Read in that order, for the
//     caller to name its row.
//   - Otherwise every such date has both numbers at most 12: the order
//     cannot be told, and the error is an *AmbiguousColumnError naming the
//     first of them, never a guess.
func OrderOfColumn(values []string) (Order, error) {
	firstAmbiguous := -1
	for i, v := range values {
		w, err := split(v)
		if err != nil || w.yearFirst || w.sep == '.' {
			continue
		}
		switch {
		case w.a > 12 && w.b <= 12:
			return DayFirst, nil
		case w.b > 12 && w.a <= 12:
			return MonthFirst, nil
		case w.a != w.b && firstAmbiguous < 0:
			firstAmbiguous = i
		}
	}
	if firstAmbiguous >= 0 {
		return Unknown, &AmbiguousColumnError{Index: firstAmbiguous, Value: clip(values[firstAmbiguous])}
	}
	return Unknown, nil
}

// AmbiguousColumnError is a column whose every slash or dash date could be
// day-first or month-first. Index is the position in the values given of
// the first one whose two readings differ.
type AmbiguousColumnError struct {
	Index int
	Value string
}

func (e *AmbiguousColumnError) Error() string {
	return fmt.Sprintf("%q could be day-first or month-first, and no date in the column has a day over 12 to tell: %v", e.Value, ErrAmbiguous)
}

// Unwrap lets errors.Is(err, ErrAmbiguous) find it.
func (e *AmbiguousColumnError) Unwrap() error { return ErrAmbiguous }
