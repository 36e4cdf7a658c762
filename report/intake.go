package report

import (
	"fmt"
	"strings"

	"backtrack/store"
)

// Colours of the alert levels on paper: the desk's red and amber, a
// paler tint behind the text so it prints on any printer.
var (
	redColor   = rgb{179, 38, 30}
	redFill    = rgb{251, 234, 232}
	amberColor = rgb{176, 110, 0}
	amberFill  = rgb{253, 243, 222}
)

// RedFlagSource names the list the red-flag screen follows, as the paper
// prints it.
const RedFlagSource = store.RedFlagSource

// fact is one line of a two-column list: a label and what was recorded.
type fact struct{ label, value string }

// facts prints label and value side by side, each row kept on one page
// when it fits, breaking between the value's lines when it does not.
func (r *renderer) facts(rows []fact) {
	labelW := r.width * 0.34
	valueW := r.width - labelW - 3
	for _, f := range rows {
		lines := r.wrap(bodyStyle, f.value, valueW)
		if len(lines) == 0 {
			lines = []string{"–"}
		}
		lh := lineHeight(bodyStyle.size)
		labels := r.wrap(boldStyle, f.label, labelW)
		r.ensure(min(float64(max(len(lines), len(labels)))*lh, 4*lh) + 1)
		y0, page := r.pdf.GetY(), r.pdf.PageNo()
		r.writeLines(boldStyle, r.left, y0, labelW, "L", labels)
		y := y0
		for i, line := range lines {
			if i > 0 {
				r.pdf.SetY(y)
				r.ensure(lh)
				y = r.pdf.GetY()
			}
			r.writeLines(bodyStyle, r.left+labelW+3, y, valueW, "L", []string{line})
			y += lh
		}
		if r.pdf.PageNo() == page {
			y = max(y, y0+float64(len(labels))*lh)
		}
		r.pdf.SetY(y + 1.2)
	}
}

// alertLines prints the client's alerts by level: a red bar for a red
// flag nothing was done about and for contraindications, amber for
// precautions, allergies, medications and a referral awaiting clearance,
// plain for history.
func (r *renderer) alertLines(alerts []store.Alert) {
	if len(alerts) == 0 {
		r.paragraph(bodyStyle, "No contraindications, precautions, allergies or medications recorded.")
		return
	}
	for _, a := range alerts {
		text := a.Label + ":  " + oneLine(a.Text)
		switch a.Level {
		case store.ReferFirst, store.Red:
			r.levelBox(text, redColor, redFill)
		case store.Amber:
			r.levelBox(text, amberColor, amberFill)
		default:
			r.paragraph(bodyStyle, text)
		}
		r.pdf.SetY(r.pdf.GetY() + 1.2)
	}
}

// levelBox is a tinted box with a bar in the level's colour.
func (r *renderer) levelBox(text string, mark, tint rgb) {
	const pad, bar = 2.2, 1.4
	lines := r.wrap(boldStyle, text, r.width-2*pad-bar)
	h := float64(len(lines))*lineHeight(boldStyle.size) + 2*pad
	r.ensure(h)
	y := r.pdf.GetY()
	r.fill(tint)
	r.pdf.Rect(r.left, y, r.width, h, "F")
	r.fill(mark)
	r.pdf.Rect(r.left, y, bar, h, "F")
	r.writeLines(boldStyle, r.left+bar+pad, y+pad, r.width-2*pad-bar, "L", lines)
	r.pdf.SetY(y + h)
}

// answerText is "Not asked", "No" or "Yes: detail".
func answerText(a store.Answer) string {
	switch a.State {
	case store.AnsweredYes:
		if a.Detail != "" {
			return "Yes: " + a.Detail
		}
		return "Yes"
	case store.AnsweredNo:
		if a.Detail != "" {
			return "No (" + a.Detail + ")"
		}
		return "No"
	}
	return "Not asked"
}

func orNotRecorded(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Not recorded"
	}
	return s
}

// intakeSummary prints the intake for the client to read and sign: what
// to know before treating, the reason for the visit, the history, the
// red-flag screen, the consent and the client's goals.
func (r *renderer) intakeSummary() {
	r.intakeBody()
	r.clientSignature()
}

// intakeBody is the intake as recorded, without the lines to sign.
func (r *renderer) intakeBody() {
	c, h := r.d.Client, r.d.Health
	in := h.Intake
	r.section("Before treatment", 12)
	r.alertLines(store.Alerts(c, h))
	if !in.OnFile() {
		r.paragraph(noteStyle, "No intake is on file for this client yet.")
	} else if in.Stale(r.o.Date) {
		r.paragraph(noteStyle, fmt.Sprintf("The intake was taken or last reviewed on %s, more than %d months ago: review it with the client.",
			formatDate(in.Date), store.IntakeReviewMonths))
	}

	r.section("Reason for the visit", 12)
	onset := in.Onset.Label()
	if in.OnsetDetail != "" {
		onset += ": " + in.OnsetDetail
	}
	r.facts([]fact{
		{"Reason", orNotRecorded(in.Reason)},
		{"When it started", orNotRecorded(in.Began)},
		{"How it started", onset},
		{"Previous treatment", answerText(in.PreviousTreatment)},
	})
	if sub, ok := r.d.clientsBodyChart(); ok {
		r.facts([]fact{{"Where it hurts", store.RegionLabels(sub.BodyChart) + " (" + sub.Source() + ")"}})
	}

	r.section("Health history", 12)
	rows := make([]fact, 0, len(store.Conditions)+6)
	for _, cond := range store.Conditions {
		rows = append(rows, fact{cond.Label(), answerText(in.Condition(cond))})
	}
	rows = append(rows,
		fact{"Medications", answerText(in.Medications)},
		fact{"Medications that matter for massage", orNotRecorded(c.Medications)},
		fact{"Allergies", answerText(in.Allergies)},
		fact{"Contraindications", orNotRecorded(c.Contraindications)},
		fact{"Other medical history", orNotRecorded(c.MedicalHistory)})
	r.facts(rows)

	r.section("Work and activity", 10)
	var acts []fact
	for _, a := range store.Activities {
		acts = append(acts, fact{a.Label(), answerText(in.Activity(a))})
	}
	r.facts(acts)

	r.screenSection(h)
	r.consentSection(h)

	r.section("The client's goals", 10)
	r.paragraph(bodyStyle, orNotRecorded(in.Goals))
}

// screenSection prints every red-flag screen: the latest in full, the
// others by their result, each with what was done.
func (r *renderer) screenSection(h store.Health) {
	r.section("Red-flag screen (low back pain)", 14)
	r.paragraph(noteStyle, RedFlagSource)
	r.pdf.SetY(r.pdf.GetY() + 1)
	latest, ok := h.LatestScreen()
	if !ok {
		r.paragraph(bodyStyle, "No red-flag screen recorded.")
		return
	}
	for _, s := range h.Screens {
		if s.UID == latest.UID {
			continue
		}
		r.paragraph(bodyStyle, "Screen of "+formatDate(s.On)+": "+screenResult(s))
	}
	where := "at a visit"
	if latest.AtIntake {
		where = "with the intake"
	}
	r.paragraph(boldStyle, fmt.Sprintf("Latest screen, %s (%s): %s", formatDate(latest.On), where, screenResult(latest)))
	r.pdf.SetY(r.pdf.GetY() + 1)
	rows := make([]fact, 0, len(store.RedFlags))
	for _, f := range store.RedFlags {
		rows = append(rows, fact{f.Label(), answerText(latest.Answer(f))})
	}
	r.facts(rows)
	if latest.Note != "" {
		r.paragraph(bodyStyle, "Note: "+latest.Note)
	}
}

// screenResult is "no red flag (22 asked)" or "yes to …; referred to … on
// …; EMERGENCY: SAME-DAY REFERRAL (no medical assessment recorded yet)".
func screenResult(s store.RedFlagScreen) string {
	if len(s.Positive()) == 0 {
		return fmt.Sprintf("no red flag (%d of %d asked)", s.Asked(), len(store.RedFlags))
	}
	out := "yes to " + s.PositiveWords()
	if o := s.Outcome(); o != "" {
		out += "; " + o
	}
	switch {
	case s.Open():
		return out + "; " + strings.ToUpper(s.Level().Words()) + " (no medical assessment recorded yet)"
	case !s.Cleared():
		return out + "; " + s.Level().Words()
	}
	return out
}

// consentSection prints each consent: how and when, what it covers, every
// sensitive area by name, and any withdrawal.
func (r *renderer) consentSection(h store.Health) {
	r.section("Consent to treatment", 14)
	if len(h.Consents) == 0 {
		r.levelBox("No consent on file: record the client's informed consent before treating.", amberColor, amberFill)
		return
	}
	now := store.ConsentedAreas(h.Consents, r.o.Date)
	for i, c := range h.Consents {
		if i > 0 {
			r.pdf.SetY(r.pdf.GetY() + 2)
		}
		rows := []fact{
			{"Given", fmt.Sprintf("%s, %s", formatDate(c.On), strings.ToLower(c.How.Label()))},
			{"Assessment", yesNo(c.Assessment)},
			{"Techniques explained", orNotRecorded(c.Techniques)},
			{"Draping explained", yesNo(c.Draping)},
			{"Areas covered", orNotRecorded(store.AreaLabels(c.Areas))},
			{"Areas excluded", orNotRecorded(store.AreaLabels(c.Excluded))},
		}
		if c.Note != "" {
			rows = append(rows, fact{"Note", c.Note})
		}
		if c.Withdrawn() {
			what := "the whole consent"
			if len(c.WithdrawnAreas) > 0 {
				what = store.AreaLabels(c.WithdrawnAreas)
			}
			rows = append(rows, fact{"Withdrawn", store.JoinNonEmpty(": ", formatDate(c.WithdrawnOn)+", "+what, c.Withdrawal)})
		}
		r.facts(rows)
		if sub, ok := r.d.signed(store.FormConsent, c.UID); ok {
			r.drawnSignatureBlock(sub)
		}
	}
	r.pdf.SetY(r.pdf.GetY() + 1.5)
	var sensitive []fact
	for _, a := range store.ConsentAreas {
		if !a.Sensitive() {
			continue
		}
		state := "Not consented: ask before treating"
		if now[a] {
			state = "Consented"
		}
		sensitive = append(sensitive, fact{a.Label() + " (sensitive)", state})
	}
	r.paragraph(labelStyle, "SENSITIVE AREAS AS OF "+strings.ToUpper(formatDate(r.o.Date)))
	r.facts(sensitive)
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// clientSignature closes the intake with the client's confirmation and
// signature, and the therapist's, kept together on one page.
func (r *renderer) clientSignature() {
	const height = 52.0 + 8 + signatureHeight
	r.pdf.SetY(r.pdf.GetY() + 8)
	r.ensureSigned(height)
	r.paragraph(bodyStyle, "I confirm that the information above is correct and complete to the best of my "+
		"knowledge, and that I consent to treatment as recorded. I will tell my therapist about any change "+
		"to my health. I may withdraw my consent at any time.")
	y := r.pdf.GetY() + 14
	sigW, dateW := r.width*0.5, r.width*0.25
	dateX := r.right - dateW
	r.rule(r.left, r.left+sigW, y, inkColor, 0.25)
	r.pdf.Line(dateX, y, r.right, y)
	r.block(bodyStyle, r.left, y+1.5, sigW, "L", "Client: "+r.d.Client.FullName())
	r.block(smallStyle, dateX, y+1.5, dateW, "L", "Date")
	if sub, ok := r.d.signedIntake(); ok {
		// signed on the device: the strokes above the line, the day in
		// the date's box
		r.drawSignature(sub.Signature, r.left+2, y-13, sigW-4, 12)
		r.block(bodyStyle, dateX, y-6, dateW, "L", formatDate(sub.Day()))
	}
	r.pdf.SetY(y + 8)
	r.signature()
}

// historyForReader is the progress report's section for a physician or an
// insurer (their editions): what to know before treating, the reason for
// the visit and the red-flag screen with what was done.
func (r *renderer) historyForReader() {
	c, h := r.d.Client, r.d.Health
	if h.Empty() && len(store.Alerts(c, h)) == 0 {
		return // nothing recorded: no section saying so at length
	}
	r.section("Relevant history and red-flag screen", 14)
	in := h.Intake
	if in.OnFile() {
		r.paragraph(smallStyle, "From the intake of "+formatDate(in.Date)+".")
		r.facts([]fact{{"Reason for the visit", orNotRecorded(in.Reason)}, {"When it started", orNotRecorded(in.Began)}})
	} else {
		r.paragraph(smallStyle, "No intake is on file.")
	}
	r.alertLines(store.Alerts(c, h))
	if latest, ok := h.LatestScreen(); ok {
		r.paragraph(bodyStyle, "Red-flag screen of "+formatDate(latest.On)+": "+screenResult(latest)+".")
		for _, s := range h.Screens {
			if s.UID != latest.UID && len(s.Positive()) > 0 {
				r.paragraph(bodyStyle, "Screen of "+formatDate(s.On)+": "+screenResult(s)+".")
			}
		}
	} else {
		r.paragraph(bodyStyle, "No red-flag screen recorded.")
	}
	r.paragraph(noteStyle, RedFlagSource)
}
