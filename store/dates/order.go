package dates

import (
	"fmt"
	"strings"
)

// Order is which of day and month comes first in a date written with its
// year last (07/12/2026).
type Order int

const (
	// Unknown reads only what needs no order: year-first and dotted dates,
	// and a slash or dash date only one reading of which is a date
	// (25/11/2026); any other is refused as ambiguous.
	Unknown Order = iota
	// DayFirst reads 07/12/2026 as 7 December 2026.
	DayFirst
	// MonthFirst reads 07/12/2026 as July 12, 2026 (the United States,
	// the Philippines).
	MonthFirst
)

// String is the order as the import commands' --dates flag spells it.
func (o Order) String() string {
	switch o {
	case DayFirst:
		return "day-first"
	case MonthFirst:
		return "month-first"
	}
	return "unknown"
}

// ParseOrder reads an order as String writes it ("day-first" or
// "month-first"; "" is Unknown).
func ParseOrder(s string) (Order, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return Unknown, nil
	case "day-first", "dayfirst", "dmy":
		return DayFirst, nil
	case "month-first", "monthfirst", "mdy":
		return MonthFirst, nil
	}
	return Unknown, fmt.Errorf("%q is not an order of dates: say day-first (25/11/2026) or month-first (11/25/2026)", s)
}

// Example is a date written in this order, for sentences that show what is
// read.
func (o Order) Example() string {
	if o == MonthFirst {
		return "2026-11-25 or 11/25/2026"
	}
	return "2026-11-25 or 25.11.2026"
}
