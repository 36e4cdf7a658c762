package report

import (
	"backtrack/store"
	"backtrack/store/settings"
	"time"
)

// Options are how a report is printed, as opposed to what it says.
type Options struct {
	// Document is what is printed: the progress report (the zero value,
	// in the Edition asked for) or the intake summary.
	Document Document
	Practice store.Practice
	PageSize settings.PageSize // zero means A4
	// Date is the report date, printed in the header and stamped as the
	// PDF's creation time. Zero means now. Fixed dates give byte-identical
	// files.
	Date time.Time
	// Edition is who the report is for; zero is the physician's.
	Edition Edition
	// Insights adds "What has helped" to the physician's edition
	// (Data.AddInsights reads them).
	Insights bool
	// Forms and Areas are the blank forms printed (BlankForms) and the
	// sensitive areas their consent asks one by one.
	Forms []store.FormKind
	Areas []store.ConsentArea
}

func (o Options) withDefaults() Options {
	if o.PageSize == "" {
		o.PageSize = settings.A4
	}
	if o.Date.IsZero() {
		o.Date = time.Now()
	}
	return o
}

// Document is one of the papers Backtrack prints about a client.
type Document int

// The documents.
const (
	ProgressReport Document = iota
	IntakeSummary           // for the client to read and sign
	// ClientCopy is the client's whole record, as privacy law gives them
	// the right to a copy: intake, consents, measures, charts, body maps,
	// every note with its signature and amendments, and the record's
	// history for them (client_copy.go).
	ClientCopy
	HomeProgramme // a visit's home exercises, for the client's fridge
	BlankForms    // the client's forms on paper, in the words of their screen
)

// Title is the document's name in its header.
func (d Document) Title() string {
	switch d {
	case IntakeSummary:
		return "Intake summary"
	case ClientCopy:
		return "Your record"
	case HomeProgramme:
		return "Your home exercises"
	case BlankForms:
		return "Forms to fill in"
	}
	return "Progress report"
}
