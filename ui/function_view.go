package ui

import (
	"fmt"
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
// "visit 5 of 8 · ODI due", and the plan's goals with their status.
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
// one small chart per measure the client has, drawn by the same geometry.
type functionCharts struct {
	Charts map[store.MeasureKind]*painchart.Chart
	row    *fyne.Container
}

func newFunctionCharts() *functionCharts {
	f := &functionCharts{Charts: map[store.MeasureKind]*painchart.Chart{}, row: container.NewGridWithColumns(1)}
	for _, k := range store.MeasureKinds {
		f.Charts[k] = painchart.New(nil)
	}
	f.row.Hide()
	return f
}

// show draws each measure recorded at least once; none hides the row.
func (f *functionCharts) show(measures []store.Measure) {
	var cells []fyne.CanvasObject
	for _, k := range store.MeasureKinds {
		points := store.MeasureTrend(measures, k)
		if len(points) == 0 {
			continue
		}
		c := f.Charts[k]
		c.SetSeries(chart.Series{Kind: k, Points: points})
		cells = append(cells, c)
	}
	if len(cells) == 0 {
		f.row.Hide()
		return
	}
	f.row.Layout = container.NewGridWithColumns(len(cells)).Layout
	f.row.Objects = cells
	f.row.Show()
	f.row.Refresh()
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

// refreshDue lists, where no client is picked, the clients whose
// re-assessment is due at their next visit; a tap opens the client.
func (v *ClientView) refreshDue() {
	s := v.d.store
	if s == nil {
		return
	}
	v.d.tasks.run(func() func() {
		due, err := s.ReassessmentDue(v.d.tasks.context())
		return func() {
			if v.d.store != s || err != nil {
				return
			}
			v.Due.Objects = nil
			if len(due) > 0 {
				v.Due.Add(widget.NewLabelWithStyle("Re-assessment due at the next visit", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
			}
			for _, d := range due {
				id := d.Client.ID
				v.Due.Add(widget.NewButton(d.Client.FullName()+"  ·  "+d.Status.Words(), func() {
					if v.d.pickClient(id) {
						v.d.list.Show(id)
						v.Show(id)
					}
				}))
			}
			v.Due.Refresh()
		}
	})
}
