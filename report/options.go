package report

import (
	"fmt"
	"strings"
	"time"
)

// PageSize is the paper a report is laid out for.
type PageSize string

// The supported paper sizes; A4 is the default.
const (
	A4     PageSize = "A4"
	Letter PageSize = "Letter"
)

// PageSizes lists the sizes in the order a chooser shows them.
var PageSizes = []PageSize{A4, Letter}

// ParsePageSize reads "A4" or "Letter" in any case; "" means A4.
func ParsePageSize(s string) (PageSize, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return A4, nil
	case "letter", "us-letter", "us letter":
		return Letter, nil
	}
	return "", fmt.Errorf("page size %q: choose A4 or Letter", s)
}

// Options are how a report is printed, as opposed to what it says.
type Options struct {
	Practice Practice
	PageSize PageSize // zero means A4
	// Date is the report date, printed in the header and stamped as the
	// PDF's creation time. Zero means now. Fixed dates give byte-identical
	// files.
	Date time.Time
}

func (o Options) withDefaults() Options {
	if o.PageSize == "" {
		o.PageSize = A4
	}
	if o.Date.IsZero() {
		o.Date = time.Now()
	}
	return o
}
