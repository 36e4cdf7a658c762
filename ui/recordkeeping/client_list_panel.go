package recordkeeping

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/dates"
	"backtrack/store/interchange"
	"backtrack/store/settings"
)

// sampleRows is how many of a list's first rows the panel shows under each
// column.
const sampleRows = 3

// guessedPreset is the preset chooser's first choice: the mapping guessed
// from the column names (and remembered from last time).
const guessedPreset = "Guessed from the column names"

// dateOrderChoices are the date chooser's, in the order of dates.Order.
var dateOrderChoices = []string{"Day first (25/11/1980)", "Month first (11/25/1980)"}

// clientListPanel lets the therapist say which column of a list of
// clients or visits is which: the file's first rows under their headers, a
// chooser above each column (guessed from its name, or as chosen last time
// for the same columns), the app the file came from, and the order of its
// dates when the column cannot tell. onChange runs after each choice.
type clientListPanel struct {
	Preset  *widget.Select
	Columns []*widget.Select // one a column of the file
	Dates   *widget.RadioGroup

	box      *fyne.Container
	grid     *fyne.Container
	datesRow *fyne.Container
	datesSay *widget.Label
	head     interchange.ListHead
	mapping  interchange.Mapping
	guess    interchange.Mapping // the guess with the remembered choices, before any preset
	loading  bool                // set while the widgets are filled, so their callbacks wait
	onChange func()
}

func newClientListPanel(onChange func()) *clientListPanel {
	p := &clientListPanel{onChange: onChange}
	p.Preset = widget.NewSelect(nil, func(string) { p.presetChosen() })
	p.Dates = widget.NewRadioGroup(dateOrderChoices, func(string) { p.changed() })
	p.Dates.Horizontal = true
	p.grid = container.NewHBox()
	scroll := container.NewHScroll(p.grid)
	scroll.SetMinSize(fyne.NewSize(0, 150))
	intro := widget.NewLabel("Say which column is which; columns left out are not imported.")
	intro.Importance = widget.LowImportance
	p.datesSay = widget.NewLabel("Dates of birth are written:")
	p.datesRow = container.NewHBox(p.datesSay, p.Dates)
	p.datesRow.Hide()
	p.box = container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("The list comes from"), nil, p.Preset),
		intro, scroll, p.datesRow)
	p.box.Hide()
	return p
}

func presetLabel(kind *interchange.ListKind, p interchange.Preset) string {
	switch {
	case kind == interchange.SessionList && p.Name == "cliniko":
		return "Cliniko (appointments)"
	case kind == interchange.SessionList:
		return "A spreadsheet: date, client, pain before, pain after, notes"
	case p.Name == "cliniko":
		return "Cliniko (patients export)"
	case p.Name == "jane":
		return "Jane (patient list)"
	}
	return "A spreadsheet: first name, last name, date of birth, phone, email"
}

// listMapping is the mapping of a list of kind: as chosen last time for
// the same columns, or guessed from its header.
func listMapping(kind *interchange.ListKind, head interchange.ListHead, remembered string) interchange.Mapping {
	if m, err := kind.Remembered(head.Header, remembered); err == nil && remembered != "" {
		return m
	}
	return kind.Guess(head.Header, head.Rows)
}

// rememberedSpec is the mapping saved for a list of kind with these
// columns.
func rememberedSpec(kind *interchange.ListKind, header []string) string {
	return fyne.CurrentApp().Preferences().String(settings.ListMappingKey(kind.Name, header))
}

// remember keeps the mapping for the next list with the same columns.
func (p *clientListPanel) remember() {
	fyne.CurrentApp().Preferences().SetString(settings.ListMappingKey(p.kind().Name, p.mapping.Header), p.mapping.Spec())
}

// kind is the kind of list shown.
func (p *clientListPanel) kind() *interchange.ListKind {
	if p.mapping.Kind == nil {
		return interchange.ClientList
	}
	return p.mapping.Kind
}

// load shows a list: its header, first rows and mapping m (listMapping).
func (p *clientListPanel) load(head interchange.ListHead, m interchange.Mapping) {
	p.loading = true
	defer func() { p.loading = false }()
	p.head, p.guess = head, m
	p.mapping = m
	p.mapping.Fields = slices.Clone(m.Fields)
	kind := p.kind()
	options := []string{guessedPreset}
	for _, preset := range kind.Presets {
		options = append(options, presetLabel(kind, preset))
	}
	p.Preset.SetOptions(options)
	p.Preset.SetSelected(guessedPreset)
	p.datesSay.SetText("Dates of birth are written:")
	if kind == interchange.SessionList {
		p.datesSay.SetText("Dates are written:")
	}
	p.Dates.SetSelected("")
	if m.DateOrder != dates.Unknown {
		p.Dates.SetSelected(dateOrderChoices[int(m.DateOrder)-1])
	}
	p.grid.RemoveAll()
	p.Columns = make([]*widget.Select, len(head.Header))
	labels := make([]string, len(kind.Fields))
	for i, f := range kind.Fields {
		labels[i] = f.Label()
	}
	for i, name := range head.Header {
		choose := widget.NewSelect(labels, func(string) { p.changed() })
		choose.SetSelected(m.Fields[i].Label())
		p.Columns[i] = choose
		column := container.NewVBox(widget.NewLabelWithStyle(clipCell(name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), choose)
		for _, row := range head.Rows[:min(sampleRows, len(head.Rows))] {
			cell := ""
			if i < len(row) {
				cell = row[i]
			}
			value := widget.NewLabel(clipCell(cell))
			value.Truncation = fyne.TextTruncateEllipsis
			column.Add(value)
		}
		p.grid.Add(container.NewGridWrap(fyne.NewSize(190, column.MinSize().Height), column))
	}
	p.showDates()
	p.box.Show()
}

// clipCell keeps a cell to one short line for the preview.
func clipCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 28 {
		return string(r[:27]) + "…"
	}
	return s
}

// presetChosen maps the columns as the chosen app's export names them.
func (p *clientListPanel) presetChosen() {
	if p.loading {
		return
	}
	m := p.guess
	for _, preset := range p.kind().Presets {
		if presetLabel(p.kind(), preset) == p.Preset.Selected {
			m = p.guess.WithPreset(preset)
		}
	}
	m.DateOrder = p.mapping.DateOrder
	p.loading = true
	for i, choose := range p.Columns {
		choose.SetSelected(m.Fields[i].Label())
	}
	p.loading = false
	p.changed()
}

// changed reads the choosers into the mapping and asks for a new check.
func (p *clientListPanel) changed() {
	if p.loading {
		return
	}
	for i, choose := range p.Columns {
		p.mapping.Fields[i] = p.kind().FieldLabeled(choose.Selected)
	}
	p.mapping.DateOrder = dates.Unknown
	for i, choice := range dateOrderChoices {
		if p.Dates.Selected == choice {
			p.mapping.DateOrder = dates.Order(i + 1) // DayFirst, MonthFirst
		}
	}
	p.showDates()
	if p.onChange != nil {
		p.onChange()
	}
}

// showDates shows the date order chooser when the date of birth column
// cannot tell its order itself, or an order was chosen already.
func (p *clientListPanel) showDates() {
	_, err := p.mapping.ColumnDateOrder(p.head)
	if err != nil || p.mapping.DateOrder != dates.Unknown {
		p.datesRow.Show()
		return
	}
	p.datesRow.Hide()
}

func (p *clientListPanel) hide() {
	p.box.Hide()
	p.head = interchange.ListHead{}
}

// shown reports whether a list is loaded.
func (p *clientListPanel) shown() bool { return p.head.Header != nil }
