package clientview

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/chart"
	"backtrack/store"
	"backtrack/ui/painchart"
)

// courseOf is where the client stands against their plan, for the brief:
// "4 of 8 planned visits done · ODI due", and the plan's goals with their status.
func courseOf(rec store.ClientRecord, now time.Time) (course, goals string) {
	st, ok := rec.PlanStatus(now)
	if !ok {
		return "", ""
	}
	course = st.Words()
	if rec.Plan.Frequency != "" {
		course += " · " + rec.Plan.Frequency
	}
	var parts []string
	for _, g := range rec.Plan.Goals {
		part := g.Text
		if g.Status != store.GoalOpen {
			part += " (" + g.Status.Words() + ")"
		}
		parts = append(parts, part)
	}
	return course, strings.Join(parts, "; ")
}

// functionCharts are the outcome measures' trends under the pain chart,
// drawn by the same geometry: one measure at a time, chosen above it, so
// the panel stays as narrow as the pain chart.
type functionCharts struct {
	Charts map[store.MeasureKind]*painchart.Chart
	Choice *widget.RadioGroup // the measures the client has
	Row    *fyne.Container
	stack  *fyne.Container
}

func newFunctionCharts() *functionCharts {
	f := &functionCharts{Charts: map[store.MeasureKind]*painchart.Chart{}, stack: container.NewStack()}
	for _, k := range store.MeasureKinds {
		f.Charts[k] = painchart.New(nil)
	}
	f.Choice = widget.NewRadioGroup(nil, func(label string) {
		for _, k := range store.MeasureKinds {
			if k.Label() == label {
				f.stack.Objects = []fyne.CanvasObject{f.Charts[k]}
				f.stack.Refresh()
			}
		}
	})
	f.Choice.Horizontal, f.Choice.Required = true, true
	f.Row = container.NewBorder(f.Choice, nil, nil, nil, f.stack)
	f.Row.Hide()
	return f
}

// Show draws each measure recorded at least once, the one chosen before
// (or the first) on screen; none hides the row.
func (f *functionCharts) show(measures []store.Measure) {
	var labels []string
	for _, k := range store.MeasureKinds {
		points := store.MeasureTrend(measures, k)
		if len(points) == 0 {
			continue
		}
		f.Charts[k].SetSeries(chart.Series{Kind: k, Points: points})
		labels = append(labels, k.Label())
	}
	if len(labels) == 0 {
		f.Row.Hide()
		return
	}
	chosen := f.Choice.Selected
	f.Choice.Options = labels
	if !slices.Contains(labels, chosen) {
		chosen = labels[0]
	}
	f.Choice.Selected = ""
	f.Choice.SetSelected(chosen)
	f.Row.Show()
	f.Row.Refresh()
}

// Text is each measure's latest score, for tests: "ODI 28 %".
func (f *functionCharts) Text(measures []store.Measure) string {
	var parts []string
	for _, k := range store.MeasureKinds {
		if p := store.MeasureTrend(measures, k); len(p) > 0 {
			parts = append(parts, fmt.Sprintf("%s %s%s", k.Label(), store.FormatValue(p[len(p)-1].Value), k.Unit()))
		}
	}
	return strings.Join(parts, " · ")
}

// RefreshDue lists, where no client is picked, the clients whose
// re-assessment is due at their next visit; a tap opens the client.
func (v *ClientView) RefreshDue() {
	s := v.shell.Record()
	if s == nil {
		return
	}
	v.shell.Tasks().Run(func() func() {
		due, err := s.ReassessmentDue(v.shell.Tasks().Context())
		return func() {
			if v.shell.Record() != s || err != nil {
				return
			}
			v.Due.Set(due)
		}
	})
}
