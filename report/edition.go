package report

import (
	"fmt"
	"strings"
)

// Edition is who a report is for. Each reads the same record, in the order
// and words its reader needs: the client's speaks plainly and encourages;
// the physician's leads with findings, history and red flags, and
// measures; the insurer's with visit counts, dates, function change and
// medical necessity.
type Edition string

// The editions. The zero value is the physician's, the report as it was
// before editions.
const (
	ForPhysician Edition = "physician"
	ForClient    Edition = "client"
	ForInsurer   Edition = "insurer"
)

// Editions lists them as the report dialog offers them.
var Editions = []Edition{ForClient, ForPhysician, ForInsurer}

// ParseEdition reads "client", "physician" or "insurer".
func ParseEdition(s string) (Edition, error) {
	e := Edition(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Editions {
		if e == known {
			return e, nil
		}
	}
	return "", fmt.Errorf("%q is not an edition: choose client, physician or insurer", s)
}

// Label is the edition as a choice reads: "For the physician".
func (e Edition) Label() string {
	switch e {
	case ForClient:
		return "For the client"
	case ForInsurer:
		return "For the insurer"
	}
	return "For the physician"
}

// render prints the sections in the edition's order. Every edition shows
// the first and latest body maps; the physician's adds, over a long
// period, the heat map of how often each region hurt. Every edition keeps
// the sessions table, which marks amended notes where the reader sees the
// visit.
func (r *renderer) render() {
	r.newPage()
	switch r.o.Document {
	case IntakeSummary:
		r.intakeSummary()
		return
	case ClientCopy:
		r.clientCopy()
		return
	}
	if r.o.Document == BlankForms {
		r.blankForms()
		return
	}
	switch r.o.Edition {
	case ForClient:
		r.clientWelcome()
		r.summary()
		r.function()
		r.chart()
		r.bodyMaps(false)
		r.goals()
		r.planAndHomeCare()
		r.sessionsTable()
	case ForInsurer:
		r.visitsAndDates()
		r.function()
		r.necessity()
		r.summary()
		r.intakeHistory()
		r.chart()
		r.bodyMaps(false)
		r.goals()
		r.sessionsTable()
		r.planAndHomeCare()
	default:
		r.summary()
		r.intakeHistory()
		r.function()
		r.chart()
		r.bodyMaps(true)
		r.goals()
		r.frequencies()
		r.whatHasHelped()
		r.sessionsTable()
		r.planAndHomeCare()
	}
	r.signature()
}

// intakeHistory is where the physician's and insurer's editions print the
// relevant history and the red-flag screen (intake.go).
func (r *renderer) intakeHistory() { r.historyForReader() }

// clientWelcome opens the client's edition in plain, encouraging words.
func (r *renderer) clientWelcome() {
	name := r.d.Client.FirstName
	text := fmt.Sprintf("Dear %s, this report shows how your back has been doing over your %s with us: "+
		"your own pain ratings, how well you manage everyday activities, and the goals we set together.",
		name, plural(len(r.d.Sessions), "visit", "visits"))
	switch {
	case r.anySetback():
		text += " There was a clear setback along the way, named below; we will keep watching what sets it off."
	case (r.d.Progress.Important && !r.d.Progress.Relapsed()) || r.anyFunctionGain():
		text += " The numbers show real progress: well done, and keep going with your home care."
	case len(r.d.Sessions) > 1:
		text += " Change in back pain often takes time; your home care between visits makes a difference."
	}
	r.section("Your progress", 3*lineHeight(bodyStyle.size))
	r.paragraph(bodyStyle, text)
}
