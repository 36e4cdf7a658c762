package clientview

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

// planGoalRows is how many goals the plan form offers.
const planGoalRows = 4

// planDialog makes or changes a client's treatment plan: goals in the
// Client's words with the PSFS activity each is measured by, the planned
// visits and their frequency, and how often function is re-assessed.
type planDialog struct {
	v                             *ClientView
	plan                          store.Plan
	Start, Visits, Frequency      *kit.Entry
	ReassessVisits, ReassessWeeks *kit.Entry
	Measures                      *widget.CheckGroup
	Goals                         []*kit.Entry
	Activities                    []*widget.SelectEntry
	Statuses                      []*widget.Select
	Problem                       *widget.Label
	Save, Cancel                  *kit.Button
	dialog                        *dialog.CustomDialog
}

func newPlanDialog(v *ClientView, plan store.Plan, measures []store.Measure, now time.Time) *planDialog {
	// The grey hints are examples, said as such: a bare "8" in grey read
	// as a value already typed.
	p := &planDialog{v: v, plan: plan, Start: kit.NewEntry(store.DateLayout), Visits: kit.NewEntry("e.g. 8"), Frequency: kit.NewEntry("e.g. weekly"),
		ReassessVisits: kit.NewEntry("e.g. 4"), ReassessWeeks: kit.NewEntry("e.g. 6"), Problem: widget.NewLabel("")}
	p.Problem.Importance, p.Problem.Wrapping = widget.DangerImportance, fyne.TextWrapWord
	labels := []string{store.ODI.Label(), store.RMDQ.Label(), store.PSFS.Label()}
	p.Measures = widget.NewCheckGroup(labels, nil)
	p.Measures.Horizontal = true
	if plan.ID == 0 {
		plan.Start = store.WallClock(now)
		plan.Measures = []store.MeasureKind{store.ODI, store.PSFS}
	}
	p.Start.SetText(plan.Start.Format(store.DateLayout))
	if plan.PlannedVisits > 0 {
		p.Visits.SetText(strconv.Itoa(plan.PlannedVisits))
	}
	p.Frequency.SetText(plan.Frequency)
	if plan.ReassessVisits > 0 {
		p.ReassessVisits.SetText(strconv.Itoa(plan.ReassessVisits))
	}
	if plan.ReassessWeeks > 0 {
		p.ReassessWeeks.SetText(strconv.Itoa(plan.ReassessWeeks))
	}
	var selected []string
	for _, k := range plan.Measures {
		selected = append(selected, k.Label())
	}
	p.Measures.SetSelected(selected)
	activities := lastActivities(measures)
	statuses := make([]string, len(store.GoalStatuses))
	for i, s := range store.GoalStatuses {
		statuses[i] = s.Words()
	}
	goals := container.New(layout.NewGridLayoutWithColumns(3))
	for i := range planGoalRows {
		g, a, st := kit.NewEntry("goal in the client's words"), widget.NewSelectEntry(activities), widget.NewSelect(statuses, nil)
		a.PlaceHolder = "PSFS activity (optional)"
		st.SetSelected(store.GoalOpen.Words())
		if i < len(plan.Goals) {
			g.SetText(plan.Goals[i].Text)
			a.SetText(plan.Goals[i].Activity)
			st.SetSelected(plan.Goals[i].Status.Words())
		}
		p.Goals, p.Activities, p.Statuses = append(p.Goals, g), append(p.Activities, a), append(p.Statuses, st)
		goals.Add(g)
		goals.Add(a)
		goals.Add(st)
	}
	form := container.New(layout.NewFormLayout())
	for _, row := range [][2]fyne.CanvasObject{
		reportdialog.Pair(kit.FormRow("Starts", p.Start)),
		reportdialog.Pair(kit.FormRow("Planned visits", p.Visits)),
		reportdialog.Pair(kit.FormRow("Frequency", p.Frequency)),
		reportdialog.Pair(kit.FormRow("Re-assess every", container.NewHBox(numberBox(p.ReassessVisits), widget.NewLabel("visits or"),
			numberBox(p.ReassessWeeks), widget.NewLabel("weeks")))),
		reportdialog.Pair(kit.FormRow("Measures", p.Measures)),
	} {
		form.Add(row[0])
		form.Add(row[1])
	}
	p.Save = kit.NewButton("Save plan", p.save)
	p.Save.Importance = widget.HighImportance
	p.Cancel = kit.NewButton("Cancel", func() { p.dialog.Hide() })
	content := container.NewVBox(form, widget.NewLabelWithStyle("Goals", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), goals, p.Problem)
	p.dialog = dialog.NewCustomWithoutButtons("Treatment plan · "+v.client.FullName(), content, v.shell.Window())
	p.dialog.SetButtons([]fyne.CanvasObject{kit.DialogButtons(p.Save, p.Cancel)})
	return p
}

// Read is the plan as typed, or a sentence naming the field that is wrong.
func (p *planDialog) read() (store.Plan, string) {
	plan := store.Plan{ID: p.plan.ID, UID: p.plan.UID, ClientID: p.v.client.ID, Frequency: p.Frequency.Text}
	day, err := kit.ReadDay(p.Start.Text)
	if err != nil {
		return plan, kit.DateProblem("Starts", err)
	}
	plan.Start = store.WallClock(day)
	for _, f := range []struct {
		label string
		e     *kit.Entry
		to    *int
	}{{"Planned visits", p.Visits, &plan.PlannedVisits}, {"Re-assess every … visits", p.ReassessVisits, &plan.ReassessVisits},
		{"Re-assess every … weeks", p.ReassessWeeks, &plan.ReassessWeeks}} {
		if t := strings.TrimSpace(f.e.Text); t != "" {
			n, err := strconv.Atoi(t)
			if err != nil {
				return plan, fmt.Sprintf("%s: %q is not a whole number", f.label, t)
			}
			*f.to = n
		}
	}
	for _, k := range store.MeasureKinds {
		if slices.Contains(p.Measures.Selected, k.Label()) {
			plan.Measures = append(plan.Measures, k)
		}
	}
	for i, g := range p.Goals {
		status := store.GoalOpen
		for _, s := range store.GoalStatuses {
			if s.Words() == p.Statuses[i].Selected {
				status = s
			}
		}
		plan.Goals = append(plan.Goals, store.Goal{Text: g.Text, Activity: p.Activities[i].Text, Status: status})
	}
	plan.Tidy()
	if problems := plan.Validate(); len(problems) > 0 {
		return plan, problems[0].Message
	}
	return plan, ""
}

func (p *planDialog) save() {
	plan, problem := p.read()
	if problem != "" {
		p.Problem.SetText(problem)
		p.Problem.Show()
		return
	}
	p.dialog.Hide()
	p.v.change("Could not save the plan", p.v.client.ID, func() viewMode { return ModeOverview }, func(s Record) error {
		_, err := s.SavePlan(p.v.shell.Tasks().Context(), plan)
		return err
	})
}

func (p *planDialog) show() {
	p.Problem.Hide()
	p.dialog.Resize(fyne.NewSize(720, 0))
	kit.ShowLayer(p.v.shell.Window(), "plan", p.dialog, kit.Layer{Save: p.save})
}

// numberBox gives a count's entry room for three digits and its hint, not
// only the width of the hint it starts with.
func numberBox(e *kit.Entry) fyne.CanvasObject {
	width := fyne.MeasureText("e.g. 000", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(width, e.MinSize().Height)), e)
}
