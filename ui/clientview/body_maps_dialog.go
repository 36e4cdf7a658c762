package clientview

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/ui/bodychart"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// bodyMapsDialog shows where a client hurt over a period: a heat map of
// how often each region hurt, and the first and latest maps side by side,
// as the physician's report prints them.
type bodyMapsDialog struct {
	v      *ClientView
	Period *kit.PeriodChooser
	Tabs   *container.AppTabs

	Heat        *bodychart.Chart
	HeatCaption *widget.Label
	heatKey     *fyne.Container
	MostOften   *widget.Label

	First, Latest               *bodychart.Chart
	FirstCaption, LatestCaption *widget.Label
	FirstWhere, LatestWhere     *widget.Label
	legend                      *fyne.Container
	firstColumn, LatestColumn   *fyne.Container

	// Message says why nothing is drawn: no chart in the period, or a
	// date typed wrong.
	Message *widget.Label
	Panes   *fyne.Container
	dialog  dialog.Dialog
	Close   *kit.Button
}

// Chart widths in the dialog: the heat map large, the pair side by side.
const (
	heatMapWidth = 380
	pairMapWidth = 300
)

func newBodyMapsDialog(v *ClientView) *bodyMapsDialog {
	m := &bodyMapsDialog{v: v, Heat: bodychart.New(), First: bodychart.New(), Latest: bodychart.New(),
		HeatCaption: wrapped(), MostOften: widget.NewLabel(""), Message: wrapped(),
		FirstCaption:  widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		LatestCaption: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		FirstWhere:    wrapped(), LatestWhere: wrapped(),
		heatKey: container.NewStack(), legend: container.NewStack()}
	m.Heat.MinWidth = heatMapWidth
	m.First.MinWidth, m.Latest.MinWidth = pairMapWidth, pairMapWidth
	m.Period = kit.NewPeriodChooserOf(v.shell.Now(), []string{kit.PeriodAll, kit.PeriodYear, kit.PeriodRecent, kit.PeriodCustom}, m.update)

	mostTitle := widget.NewLabelWithStyle("Most often", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heatSide := container.NewVBox(m.HeatCaption, m.heatKey, mostTitle, m.MostOften)
	heatTab := container.NewBorder(nil, nil, container.NewVBox(m.Heat), nil, heatSide)
	m.firstColumn = container.NewVBox(m.First, m.FirstCaption, m.FirstWhere)
	m.LatestColumn = container.NewVBox(m.Latest, m.LatestCaption, m.LatestWhere)
	pairTab := container.NewBorder(nil, m.legend, nil, nil, container.NewGridWithColumns(2, m.firstColumn, m.LatestColumn))
	m.Tabs = container.NewAppTabs(
		container.NewTabItem("How often it hurt", container.NewPadded(heatTab)),
		container.NewTabItem("First and latest", container.NewPadded(pairTab)))
	m.Panes = container.NewStack(m.Tabs)
	content := container.NewBorder(container.NewVBox(m.Period.Box, m.Message), nil, nil, nil, m.Panes)
	d := dialog.NewCustomWithoutButtons("Body maps over time · "+v.client.FullName(), content, v.shell.Window())
	m.Close = kit.NewButton("Close", d.Hide)
	d.SetButtons([]fyne.CanvasObject{m.Close})
	m.dialog = d
	m.update()
	return m
}

func wrapped() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// charted are the client's visits in the period with a body chart, oldest
// first.
func (m *bodyMapsDialog) charted(p store.Period) []store.Session {
	var out []store.Session
	for _, s := range m.v.Sessions { // newest first
		if len(s.BodyMap) > 0 && p.Contains(s.Start) {
			out = append(out, s)
		}
	}
	slices.Reverse(out)
	return out
}

// update draws the maps of the chosen period, or says why there are none.
func (m *bodyMapsDialog) update() {
	if m.Period == nil || m.dialog == nil {
		return // the chooser picking its first choice, while it is built
	}
	p, err := m.Period.Period(m.v.shell.Now())
	if err != nil {
		m.show(false, err.Error())
		return
	}
	mapped := m.charted(p)
	if len(mapped) == 0 {
		m.show(false, "No body chart was recorded in this period. Mark where it hurts in a session's body chart.")
		return
	}
	first, latest := mapped[0], mapped[len(mapped)-1]
	counts, most := bodymap.Heat(mapped)
	m.Heat.SetHeat(counts, most)
	m.HeatCaption.SetText(fmt.Sprintf("Across %s, %s: the redder a region, the more visits it hurt at.",
		words.Plural(len(mapped), "charted visit", "charted visits"), dayRange(first, latest)))
	m.heatKey.Objects = []fyne.CanvasObject{bodychart.NewHeatKey(most)}
	m.heatKey.Refresh()
	m.MostOften.SetText(strings.Join(bodymap.MostOften(counts, len(mapped), 8), "\n"))

	m.First.SetMap(first.BodyMap, nil)
	m.FirstCaption.SetText("First: " + kit.LongDate(first.Start))
	m.FirstWhere.SetText(first.WhereItHurts())
	m.Latest.SetMap(latest.BodyMap, nil)
	m.LatestCaption.SetText("Latest: " + kit.LongDate(latest.Start))
	m.LatestWhere.SetText(latest.WhereItHurts())
	if len(mapped) == 1 {
		m.FirstCaption.SetText("The one charted visit: " + kit.LongDate(first.Start))
		m.LatestColumn.Hide()
	} else {
		m.LatestColumn.Show()
	}
	legend := bodychart.NewLegend()
	legend.SetMap(append(slices.Clone(first.BodyMap), latest.BodyMap...), nil)
	m.legend.Objects = []fyne.CanvasObject{legend}
	m.legend.Refresh()
	m.show(true, "")
}

// Show shows the maps, or hides them and says why.
func (m *bodyMapsDialog) show(maps bool, message string) {
	m.Message.SetText(message)
	if message == "" {
		m.Message.Hide()
	} else {
		m.Message.Show()
	}
	if maps {
		m.Panes.Show()
	} else {
		m.Panes.Hide()
	}
}

func dayRange(first, latest store.Session) string {
	if store.SameDay(first.Start, latest.Start) {
		return kit.LongDate(first.Start)
	}
	return kit.LongDate(first.Start) + " – " + kit.LongDate(latest.Start)
}

// open shows the dialog as large as the maps want, within the window.
func (m *bodyMapsDialog) open() {
	win := m.v.shell.Window().Canvas().Size()
	m.dialog.Resize(fyne.NewSize(min(900, win.Width-32), min(720, win.Height-32)))
	kit.ShowLayer(m.v.shell.Window(), "body maps", m.dialog, kit.Layer{Enter: m.dialog.Hide, Focus: m.Close, Filters: true})
}

// openBodyMaps shows the client's maps over time.
func (v *ClientView) openBodyMaps() {
	if v.client.ID == 0 {
		return
	}
	m := newBodyMapsDialog(v)
	m.dialog.SetOnClosed(func() {
		if v.BodyMaps == m {
			v.BodyMaps = nil
		}
	})
	v.BodyMaps = m
	m.open()
}
