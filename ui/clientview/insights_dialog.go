package clientview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/insight"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// insightsDialog shows a client's insights in full: the text the command
// line and the report print, and a dot chart of the comparison picked.
type insightsDialog struct {
	Pick    *widget.Select
	Chart   *DotChart
	Says    *widget.Label // the picked comparison in words, under its chart
	Text    *widget.Label // every section
	dialog  dialog.Dialog
	title   string
	content fyne.CanvasObject
	charts  map[string]insight.Comparison
}

func newInsightsDialog(v *ClientView, ci insight.ClientInsights) *insightsDialog {
	d := &insightsDialog{Chart: NewDotChart(), Says: wrapped(), Text: wrapped(), charts: map[string]insight.Comparison{}}
	var names []string
	add := func(prefix string, list []insight.Comparison) {
		for _, c := range list {
			if c.With > 0 && c.Without > 0 {
				name := prefix + c.Name
				names = append(names, name)
				d.charts[name] = c
			}
		}
	}
	add("Relief · ", ci.Relief)
	add("Next visit · ", ci.NextVisit)
	add("Before treatment · ", ci.Flares)
	d.Pick = widget.NewSelect(names, d.pick)
	d.Text.SetText(words.InsightsText(ci.Sections()))
	chartBox := container.NewVBox(d.Pick, d.Chart, d.Says)
	if len(names) == 0 {
		chartBox.Hide()
	}
	d.content = container.NewBorder(chartBox, nil, nil, nil, container.NewVScroll(d.Text))
	d.title = "Insights · " + v.client.FullName()
	if f := ci.Findings(); len(f) > 0 {
		d.Pick.SetSelected(pickName(f[0]))
	} else if len(names) > 0 {
		d.Pick.SetSelectedIndex(0)
	}
	return d
}

// pickName is a comparison's name in the picker.
func pickName(c insight.Comparison) string {
	switch c.Question {
	case insight.Relief:
		return "Relief · " + c.Name
	case insight.NextVisit:
		return "Next visit · " + c.Name
	}
	return "Before treatment · " + c.Name
}

// show opens the dialog as the window's top layer, with a Close button
// that Enter and Escape press.
func (d *insightsDialog) show(win fyne.Window) {
	size := win.Canvas().Size()
	d.dialog = kit.ShowView(win, "insights", d.title, d.content, fyne.NewSize(min(760, size.Width-40), min(620, size.Height-40)))
}

// Close closes the dialog.
func (d *insightsDialog) Close() { d.dialog.Hide() }

func (d *insightsDialog) pick(name string) {
	c, ok := d.charts[name]
	if !ok {
		return
	}
	rows := [2]string{"with", "without"}
	if c.Question == insight.Flare {
		rows = [2]string{"with it", "without"}
	}
	d.Chart.Set(rows, [2][]float64{c.ValuesWith, c.ValuesWithout})
	d.Says.SetText(c.Words() + ". Each dot is a visit; the bar is the mean.")
}
