package clientview

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/bodychart"
	"backtrack/ui/clientmode"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

// handOver holds the client's screen and its dialogs while open, for tests.
type handOver struct {
	HandOverDialog *handOverDialog
	ClientScreen   *clientmode.Screen
	PINDialog      *dialog.FormDialog
	BlankForms     *reportdialog.BlankFormsDialog
	Review         *submissionReview
}

// The therapist's choices for each form of a client's submission.
const (
	ReviewAccept  = "Accept"
	ReviewDecline = "Decline"
	ReviewLater   = "Decide later"
)

// submissionReview shows what the client gave beside what the record
// holds, form by form, and takes each into the record, or not, as the
// therapist chooses. It keeps its widgets for tests.
type submissionReview struct {
	Sub     store.Submission
	Choices map[store.FormKind]*widget.RadioGroup
	// Replace takes the client's intake answers where they differ from the
	// therapist's; left unticked, the therapist's stay and the history
	// names each difference.
	Replace *widget.Check
	// Said and OnFile are each form's two sides: what the client said and
	// what the record holds.
	Said, OnFile map[store.FormKind]*widget.Label
	Save         *kit.Button
	dialog       *dialog.CustomDialog
}

// ReviewSubmission opens the review of sub.
func (v *ClientView) ReviewSubmission(sub store.Submission) {
	r := &submissionReview{Sub: sub, Choices: map[store.FormKind]*widget.RadioGroup{},
		Said: map[store.FormKind]*widget.Label{}, OnFile: map[store.FormKind]*widget.Label{}}
	v.Review = r
	signed := "Not signed. " + upperFirst(sub.Source())
	if sub.Signed() {
		signed = "Signed by " + sub.SignedName + ", " + sub.Source()
	}
	box := container.NewVBox(wrappedLabel(signed))
	onFile := v.onFileAsSubmission()
	for _, f := range sub.Pending() {
		title := widget.NewLabelWithStyle(f.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		client := wrappedLabel(strings.Join(sub.FormLines(f), "\n"))
		recorded := wrappedLabel("—")
		r.Said[f], r.OnFile[f] = client, recorded
		switch {
		case f == store.FormIntake && !v.health.Intake.OnFile():
			recorded.SetText("No intake on file")
		case f == store.FormConsent && len(onFile.Consent.Areas) == 0:
			recorded.SetText("No consent in force")
		case f == store.FormIntake || f == store.FormConsent:
			recorded.SetText(strings.Join(onFile.FormLines(f), "\n"))
		case f == store.FormBodyChart:
			recorded.SetText(v.bodyChartOnFile(sub))
		}
		r.Choices[f] = widget.NewRadioGroup([]string{ReviewAccept, ReviewDecline, ReviewLater}, nil)
		r.Choices[f].Horizontal = true
		r.Choices[f].SetSelected(ReviewAccept)
		said := container.NewVBox(widget.NewLabelWithStyle("The client said", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}), client)
		if f == store.FormBodyChart && len(sub.BodyChart) > 0 {
			said.Add(clientsChart(sub.BodyChart))
		}
		sides := container.NewGridWithColumns(2, said,
			container.NewVBox(widget.NewLabelWithStyle("On file", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}), recorded))
		box.Add(widget.NewSeparator())
		box.Add(title)
		box.Add(sides)
		box.Add(r.Choices[f])
		if f == store.FormIntake {
			r.Replace = widget.NewCheck("Where the two differ, take the client's answers", nil)
			box.Add(r.Replace)
		}
	}
	r.Save = kit.NewButton("Save review", func() {
		by := v.shell.Signer()
		if by == "" {
			v.shell.AskForSignerName()
			return
		}
		decisions := r.Decisions()
		r.dialog.Hide()
		if len(decisions) == 0 {
			return
		}
		v.change("Could not take in the client's forms", v.client.ID, func() viewMode { return v.mode }, func(records Record) error {
			_, err := records.ReviewSubmission(context.Background(), sub.ID, decisions, by)
			return err
		})
	})
	r.Save.Importance = widget.HighImportance
	r.dialog = dialog.NewCustomWithoutButtons("The client's forms", container.NewBorder(nil,
		container.NewHBox(kit.NewButton("Close", func() { r.dialog.Hide() }), r.Save), nil, nil, container.NewVScroll(box)),
		v.shell.Window())
	size := v.shell.Window().Canvas().Size()
	r.dialog.Resize(fyne.NewSize(min(900, size.Width-40), min(720, size.Height-40)))
	kit.ShowLayer(v.shell.Window(), "client's forms", r.dialog, kit.Layer{Save: r.Save.OnTapped, Focus: r.Save})
}

// Decisions are the choices made, forms left for later left out.
func (r *submissionReview) Decisions() []store.FormDecision {
	var out []store.FormDecision
	for _, f := range r.Sub.Pending() {
		switch r.Choices[f].Selected {
		case ReviewAccept:
			out = append(out, store.FormDecision{Form: f, Accept: true, Replace: f == store.FormIntake && r.Replace.Checked})
		case ReviewDecline:
			out = append(out, store.FormDecision{Form: f})
		}
	}
	return out
}

// onFileAsSubmission is the record's intake, its intake screen and the
// areas consented today, laid out as a submission so the two sides read
// alike.
func (v *ClientView) onFileAsSubmission() store.Submission {
	s := store.Submission{Intake: v.health.Intake}
	s.Screen, _ = v.health.IntakeScreen()
	have := store.ConsentedAreas(v.health.Consents, v.shell.Now())
	for _, a := range store.ConsentAreas {
		if have[a] {
			s.Consent.Areas = append(s.Consent.Areas, a)
		}
	}
	return s
}

// clientsChart is the places the client tapped, on the chart.
func clientsChart(ids []store.RegionID) *bodychart.Chart {
	marks := make([]store.BodyMark, len(ids))
	for i, id := range ids {
		marks[i] = store.BodyMark{Region: id}
	}
	c := bodychart.New()
	c.MarkColour = theme.ColorNamePrimary
	c.SetMap(marks, nil)
	return c
}

// bodyChartOnFile is the body map of the draft note the client's regions
// would join, or what accepting them does when there is none.
func (v *ClientView) bodyChartOnFile(sub store.Submission) string {
	note, found := sub.BodyChartDraft(v.Sessions)
	switch {
	case !found:
		return "No draft note of " + sub.BodyChartNote().Start.Format(store.DateLayout) +
			": accepting opens one with these places, for you to complete"
	case len(note.BodyMap) == 0:
		return "Draft note of " + note.Start.Format(store.StartLayout) + ": nothing marked on its body chart"
	}
	return "Draft note of " + note.Start.Format(store.StartLayout) + ": " + store.BodyMapLabels(note.BodyMap) +
		"\nPlaces you marked keep your marks; the client's others are added."
}

func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
