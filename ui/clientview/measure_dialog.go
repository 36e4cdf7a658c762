package clientview

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

// MeasureDialog records an outcome measure from the client's completed
// form: the ODI's section scores, the RMDQ items that apply, or the PSFS
// ratings of the client's own activities (offered from last time). It
// names sections and item numbers, never the copyrighted statements, and
// shows the score as it is typed. It keeps its widgets for tests.
type MeasureDialog struct {
	v      *ClientView
	Kind   *widget.RadioGroup
	Date   *kit.Entry
	ODI    []*kit.Entry    // section scores 0-5; blank is skipped
	RMDQ   []*widget.Check // checked when the item applies
	PSFS   [][2]*kit.Entry // activity, rating
	Score  *widget.Label   // the score, or why there is none
	Save   *kit.Button
	Cancel *kit.Button
	items  *fyne.Container
	dialog *dialog.CustomDialog
}

func NewMeasureDialog(v *ClientView, last []store.Measure, now time.Time) *MeasureDialog {
	m := &MeasureDialog{v: v, Date: kit.NewEntry(store.DateLayout), Score: widget.NewLabel("")}
	m.Date.SetText(store.WallClock(now).Format(store.DateLayout))
	m.Score.Wrapping = fyne.TextWrapWord
	odi := container.NewGridWithColumns(4)
	for i, name := range store.ODISections {
		e := kit.NewEntry("0-5")
		e.OnChanged = func(string) { m.update() }
		m.ODI = append(m.ODI, e)
		odi.Add(widget.NewLabel(fmt.Sprintf("%d  %s", i+1, name)))
		odi.Add(e)
	}
	rmdq := container.NewGridWithColumns(8)
	for i := range store.RMDQItems {
		c := widget.NewCheck(strconv.Itoa(i+1), func(bool) { m.update() })
		m.RMDQ = append(m.RMDQ, c)
		rmdq.Add(c)
	}
	psfs := container.NewGridWithColumns(2)
	activities := lastActivities(last)
	for i := range store.PSFSMaxActivities {
		a, r := kit.NewEntry("activity in the client's words"), kit.NewEntry("0-10")
		if i < len(activities) {
			a.SetText(activities[i])
		}
		a.OnChanged, r.OnChanged = func(string) { m.update() }, func(string) { m.update() }
		m.PSFS = append(m.PSFS, [2]*kit.Entry{a, r})
		psfs.Add(a)
		psfs.Add(r)
	}
	panes := map[string]fyne.CanvasObject{
		store.ODI.Label():  container.NewVBox(widget.NewLabel("Section scores from the client's form (leave one blank if skipped)"), odi),
		store.RMDQ.Label(): container.NewVBox(widget.NewLabel("Tick the item numbers the client marked as applying today"), rmdq),
		store.PSFS.Label(): container.NewVBox(widget.NewLabel("1 to 5 activities: 0 = unable, 10 = as before the problem"), psfs),
	}
	m.items = container.NewStack()
	m.Kind = widget.NewRadioGroup([]string{store.ODI.Label(), store.RMDQ.Label(), store.PSFS.Label()}, func(k string) {
		m.items.Objects = []fyne.CanvasObject{panes[k]}
		m.items.Refresh()
		m.update()
	})
	m.Kind.Horizontal, m.Kind.Required = true, true
	m.Kind.SetSelected(store.ODI.Label())
	m.Save = kit.NewButton("Save", m.save)
	m.Save.Importance = widget.HighImportance
	m.Cancel = kit.NewButton("Cancel", func() { m.dialog.Hide() })
	form := container.New(layout.NewFormLayout())
	for _, row := range [][2]fyne.CanvasObject{reportdialog.Pair(kit.FormRow("Measure", m.Kind)), reportdialog.Pair(kit.FormRow("Date", m.Date))} {
		form.Add(row[0])
		form.Add(row[1])
	}
	content := container.NewVBox(form, m.items, m.Score)
	m.dialog = dialog.NewCustomWithoutButtons("Outcome measure · "+v.client.FullName(), content, v.shell.Window())
	m.dialog.SetButtons([]fyne.CanvasObject{kit.DialogButtons(m.Save, m.Cancel)})
	return m
}

// lastActivities are the activities of the client's latest PSFS, for
// re-rating at follow-up.
func lastActivities(measures []store.Measure) []string {
	for i := len(measures) - 1; i >= 0; i-- {
		if measures[i].Kind == store.PSFS {
			var out []string
			for _, it := range measures[i].Items {
				out = append(out, it.Item)
			}
			return out
		}
	}
	return nil
}

// measure is the form as typed; problem names a cell that is not a number.
func (m *MeasureDialog) measure() (store.Measure, string) {
	kind, _ := store.ParseMeasureKind(m.Kind.Selected)
	out := store.Measure{ClientID: m.v.client.ID, Kind: kind}
	number := func(s, what string) (int, string) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, fmt.Sprintf("%s: %q is not a whole number", what, s)
		}
		return n, ""
	}
	switch kind {
	case store.ODI:
		for i, e := range m.ODI {
			if strings.TrimSpace(e.Text) == "" {
				continue
			}
			n, p := number(e.Text, fmt.Sprintf("Section %d", i+1))
			if p != "" {
				return out, p
			}
			out.Items = append(out.Items, store.MeasureItem{Item: strconv.Itoa(i + 1), Score: n})
		}
	case store.RMDQ:
		for i, c := range m.RMDQ {
			out.Items = append(out.Items, store.MeasureItem{Item: strconv.Itoa(i + 1), Score: map[bool]int{true: 1}[c.Checked]})
		}
	case store.PSFS:
		for _, row := range m.PSFS {
			if strings.TrimSpace(row[0].Text) == "" && strings.TrimSpace(row[1].Text) == "" {
				continue
			}
			n, p := number(row[1].Text, "Rating of "+strings.TrimSpace(row[0].Text))
			if p != "" {
				return out, p
			}
			out.Items = append(out.Items, store.MeasureItem{Item: row[0].Text, Score: n})
		}
	}
	return out, ""
}

// update shows the score as the form now stands.
func (m *MeasureDialog) update() {
	if m.Score == nil || m.Kind == nil {
		return
	}
	meas, problem := m.measure()
	if problem != "" {
		m.Score.SetText(problem)
		return
	}
	s := meas.Score()
	if !s.OK {
		m.Score.SetText("No score yet: " + s.Why)
		return
	}
	text := "Score: " + s.String() + meas.Kind.Unit()
	if band := meas.Kind.Band(s.Value); band != "" {
		text += " · " + band
	}
	m.Score.SetText(text)
}

func (m *MeasureDialog) save() {
	meas, problem := m.measure()
	if problem != "" {
		m.Score.SetText(problem)
		return
	}
	day, err := kit.ReadDay(m.Date.Text)
	if err != nil {
		m.Score.SetText(kit.DateProblem("Date", err))
		return
	}
	meas.Taken = store.WallClock(day)
	if s := meas.Score(); !s.OK {
		m.Score.SetText("Not saved: " + s.Why)
		return
	}
	m.dialog.Hide()
	m.v.change("Could not save the measure", m.v.client.ID, func() viewMode { return ModeOverview }, func(s Record) error {
		_, err := s.SaveMeasure(m.v.shell.Tasks().Context(), meas)
		return err
	})
}

func (m *MeasureDialog) Show() {
	m.dialog.Resize(fyne.NewSize(640, 0))
	kit.ShowLayer(m.v.shell.Window(), "measure", m.dialog, kit.Layer{Save: m.save})
}
