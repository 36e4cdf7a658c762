package clientview

import (
	"strings"

	"backtrack/store"
	"backtrack/ui/kit"
)

// showState shows where a note stands and offers what can be done with
// it: a draft is edited, signed or discarded; a signed note is amended or
// voided ("entered in error"); a voided note is only read.
func (d *sessionDetail) showState(s store.Session) {
	switch {
	case s.Voided():
		d.State.SetText("Entered in error: voided " + kit.DateTime(s.VoidedAt) + " by " + s.VoidedBy + " — " + s.VoidReason +
			". It counts in no figure and stays in the record's history.")
	case s.Legacy:
		d.State.SetText("Written before Backtrack signed notes: kept as it was, and changed only by amendment.")
	case s.Signed():
		d.State.SetText("Signed by " + s.SignedBy + ", " + kit.DateTime(s.SignedAt) + ".")
	default:
		d.State.SetText("Draft: not signed yet.")
	}
	if s.Private {
		d.State.SetText(d.State.Text + " " + privateNoteLine(s.Author))
	}
	var amended []string
	for _, a := range s.Amendments {
		amended = append(amended, "Amended "+kit.LongDate(a.At)+" — "+a.Reason+" (changed: "+strings.Join(a.Changed, ", ")+"; by "+a.By+")")
	}
	d.Amended.SetText(strings.Join(amended, "\n"))
	showIf(d.Amended, len(amended) > 0)
	showIf(d.Original, len(amended) > 0)

	showIf(d.Sign, s.Draft())
	showIf(d.Delete, s.Draft())
	showIf(d.Void, s.Locked() && !s.Voided())
	showIf(d.Edit, !s.Voided())
	if s.Locked() {
		d.Edit.SetText("Amend…")
	} else {
		d.Edit.SetText("Edit")
	}
}

// privateNoteLine says who reads a private note: the practice server
// shows it to its author and the auditors only.
func privateNoteLine(author string) string {
	return "Private to " + author + ": other therapists and the front desk do not see it."
}

// showIf shows or hides o.
func showIf(o interface {
	Show()
	Hide()
}, shown bool) {
	if shown {
		o.Show()
	} else {
		o.Hide()
	}
}
