package clientview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/bodychart"
	"backtrack/ui/kit"
	"backtrack/ui/xlayout"
)

// detailMapWidth is the note's figure: read beside the fields, not tapped.
const detailMapWidth = 300

// sessionDetail shows one whole session note, with edit and delete.
type sessionDetail struct {
	Session store.Session

	Back   *kit.Button
	Older  *kit.Button // the visit before this one (←)
	Newer  *kit.Button // the visit after it (→)
	Edit   *kit.Button // a draft's Edit, a signed note's Amend…
	PDF    *kit.Button // the note on paper: Save as PDF
	Delete *kit.Button // a draft's Discard…
	Sign   *kit.Button // a draft's Sign
	Void   *kit.Button // a signed note's Entered in error…
	// State says where the note stands (draft, signed by whom and when,
	// voided); Amended lists its amendments; Original shows the note as
	// first signed instead of as it reads now.
	State    *widget.Label
	Amended  *widget.Label
	Original *widget.Check
	Title    *widget.Label
	Pain     *widget.Label
	fields   *fyne.Container
	// Map is where it hurt and, as outlines, the muscles treated, beside
	// the fields; Legend says which is which. Hidden when neither is.
	Map    *bodychart.Chart
	Legend *bodychart.Legend
	MapBox fyne.CanvasObject

	Content fyne.CanvasObject
}

func newSessionDetail() *sessionDetail {
	d := &sessionDetail{
		Back:    kit.NewButtonWithIcon("Back to overview", theme.NavigateBackIcon(), nil),
		Older:   kit.NewButtonWithIcon("Earlier  (←)", theme.NavigateBackIcon(), nil),
		Newer:   kit.NewButtonWithIcon("Later  (→)", theme.NavigateNextIcon(), nil),
		Edit:    kit.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), nil),
		PDF:     kit.NewButtonWithIcon("PDF…", theme.DocumentPrintIcon(), nil),
		Delete:  kit.NewButtonWithIcon("Discard draft…", theme.DeleteIcon(), nil),
		Sign:    kit.NewButtonWithIcon("Sign  (Ctrl+Shift+S)", theme.ConfirmIcon(), nil),
		Void:    kit.NewButtonWithIcon("Entered in error…", theme.CancelIcon(), nil),
		State:   widget.NewLabel(""),
		Amended: widget.NewLabel(""),
		Title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		Pain:    widget.NewLabel(""),
		fields:  container.New(layout.NewFormLayout()),
		Map:     bodychart.New(),
		Legend:  bodychart.NewLegend(),
	}
	d.Map.MinWidth = detailMapWidth
	d.Title.SizeName = theme.SizeNameSubHeadingText
	d.Delete.Importance = widget.DangerImportance
	d.Sign.Importance = widget.HighImportance
	d.State.Wrapping, d.Amended.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	d.Original = widget.NewCheck("Show the note as first signed", func(bool) { d.showFields() })
	// The buttons take two lines on a narrow window rather than push the
	// note past its edge.
	bar := xlayout.NewBar(container.NewHBox(d.Back, d.Older, d.Newer),
		container.NewHBox(d.PDF, d.Sign, d.Edit, d.Void, d.Delete))
	d.MapBox = container.NewVBox(d.Map, d.Legend)
	body := container.NewVBox(d.Title, d.Pain, d.State, d.Amended, d.Original, widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, d.MapBox, d.fields))
	d.Content = container.NewBorder(bar, nil, nil, nil, container.NewVScroll(body))
	return d
}

func (d *sessionDetail) show(s store.Session) {
	d.Session = s
	d.Original.SetChecked(false)
	d.showState(s)
	d.showFields()
}

// showFields fills the note's fields: as it reads now, or as first signed.
func (d *sessionDetail) showFields() {
	s := d.Session
	if d.Original.Checked {
		s = d.Session.Original()
	}
	d.Title.SetText(fmt.Sprintf("%s · %d min", kit.DateTime(s.Start), s.DurationMin))
	pain := "Pain " + PainBeforeAfter(s.PainBefore, s.PainAfter)
	if relief, ok := s.Relief(); ok {
		pain += fmt.Sprintf("  (relief %d)", relief)
	}
	d.Pain.SetText(pain)

	d.showMap(s)
	d.fields.RemoveAll()
	add := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		d.fields.Add(l)
		d.fields.Add(v)
	}
	add("Pain type", store.TagLabels(s.PainTypes))
	add("Where it hurts", s.WhereItHurts())
	add("Triggers", triggerLabels(s))
	add("Muscles", store.TagLabels(s.Muscles))
	add("Techniques", store.TagLabels(s.Techniques))
	add("Subjective", s.Notes.Subjective)
	add("Objective", s.Notes.Objective)
	add("Assessment", s.Notes.Assessment)
	add("Plan", s.Notes.Plan)
	add("Home care", s.HomeCare)
	add("Home programme", store.ProgrammeLines(s.Programme))
	if s.Adherence.Asked() {
		add("Last programme", "Did "+s.Adherence.Words())
	}
	if len(d.fields.Objects) == 0 {
		d.fields.Add(widget.NewLabel(""))
		d.fields.Add(widget.NewLabel("Nothing else was recorded for this session."))
	}
	d.fields.Refresh()
}

// Text is the note as shown, one "Label: value" per line (for tests).
func (d *sessionDetail) Text() string {
	lines := []string{d.Title.Text, d.Pain.Text}
	for i := 0; i+1 < len(d.fields.Objects); i += 2 {
		lines = append(lines, d.fields.Objects[i].(*widget.Label).Text+": "+d.fields.Objects[i+1].(*widget.Label).Text)
	}
	return strings.Join(lines, "\n")
}

// showMap draws the note's body chart with the muscles treated, or hides
// it when the note marks nothing and treats no muscle the figure can draw.
func (d *sessionDetail) showMap(s store.Session) {
	d.Map.SetMap(s.BodyMap, s.Muscles)
	d.Legend.SetMap(s.BodyMap, s.Muscles)
	if len(s.BodyMap) == 0 && d.Legend.Text == "" {
		d.MapBox.Hide()
	} else {
		d.MapBox.Show()
	}
}
