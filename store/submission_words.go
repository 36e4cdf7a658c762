package store

import (
	"fmt"
	"strings"
)

// FormLines is what the client said in one form, in the therapist's
// clinical wording, a line each: what the review shows beside the record
// and the intake and consent PDFs print.
func (s Submission) FormLines(f FormKind) []string {
	var out []string
	switch f {
	case FormIntake:
		in := s.Intake
		if in.Reason != "" {
			out = append(out, "Reason for the visit: "+in.Reason)
		}
		if in.Began != "" {
			out = append(out, "Began: "+in.Began)
		}
		var yes, no []string
		for _, c := range Conditions {
			switch a := in.Conditions[c]; a.State {
			case AnsweredYes:
				yes = append(yes, labelWithDetail(c.Label(), a.Detail))
			case AnsweredNo:
				no = append(no, c.Label())
			}
		}
		if len(yes) > 0 {
			out = append(out, "Conditions, yes: "+strings.Join(yes, "; "))
		}
		if len(no) > 0 {
			out = append(out, "Conditions, no: "+strings.Join(no, ", "))
		}
		if pos := s.Screen.PositiveWords(); pos != "" {
			out = append(out, fmt.Sprintf("RED FLAGS, yes to: %s (%d of %d asked)", pos, s.Screen.Asked(), len(RedFlags)))
		} else {
			out = append(out, fmt.Sprintf("Red flags: none (%d of %d asked)", s.Screen.Asked(), len(RedFlags)))
		}
	case FormConsent:
		c := s.Consent
		if len(c.Areas) > 0 {
			out = append(out, "Consents to: "+AreaLabels(c.Areas))
		}
		if len(c.Excluded) > 0 {
			out = append(out, "Refuses: "+AreaLabels(c.Excluded))
		}
	case FormODI, FormRMDQ, FormPSFS:
		if m, ok := s.measure(MeasureKind(f)); ok {
			var items []string
			for _, it := range m.Items {
				items = append(items, fmt.Sprintf("%s %d", m.Kind.ItemName(it), it.Score))
			}
			out = append(out, fmt.Sprintf("%s %s: %s", m.Kind.Label(), m.Score(), strings.Join(items, "; ")))
		}
	case FormPain:
		out = append(out, fmt.Sprintf("Pain today: %d / 10", s.Pain))
	case FormBodyChart:
		if len(s.BodyChart) > 0 {
			out = append(out, "Where it hurts: "+RegionLabels(s.BodyChart))
		} else {
			out = append(out, "Where it hurts: nothing marked")
		}
	}
	if len(out) == 0 {
		out = append(out, "Nothing answered")
	}
	return out
}
