package xlayout

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FormColumns puts two parts of a form side by side, the first taking
// share of the width, when each then gets at least its minimum width;
// otherwise one above the other. Side by side both are as tall as the
// taller one, so the second can grow into the room beside the first (the
// notes beside the tags). Like Flow, its height follows its width.
type FormColumns struct {
	widget.BaseWidget
	first, second       fyne.CanvasObject
	divider             *widget.Separator
	share               float32
	minFirst, minSecond float32
	width               float32
}

// NewFormColumns is FormColumns giving first share of the width when the
// two then get minFirst and minSecond.
func NewFormColumns(share, minFirst, minSecond float32, first, second fyne.CanvasObject) *FormColumns {
	c := &FormColumns{first: first, second: second, divider: widget.NewSeparator(),
		share: share, minFirst: minFirst, minSecond: minSecond}
	c.ExtendBaseWidget(c)
	return c
}

// gap is the space between the columns; the divider runs down its middle.
func (c *FormColumns) gap() float32 { return theme.Padding() * 5 }

// widths are the two columns' widths side by side.
func (c *FormColumns) widths(width float32) (first, second float32) {
	first = float32(int((width - c.gap()) * c.share))
	return first, width - c.gap() - first
}

// SideBySide reports whether the columns stand side by side at width.
func (c *FormColumns) SideBySide(width float32) bool {
	first, second := c.widths(width)
	return first >= c.minFirst && second >= c.minSecond
}

func (c *FormColumns) Resize(size fyne.Size) {
	resizeByWidth(&c.BaseWidget, &c.width, size, c.SideBySide)
}

func (c *FormColumns) CreateRenderer() fyne.WidgetRenderer { return &formColumnsRenderer{c: c} }

type formColumnsRenderer struct{ c *FormColumns }

func (r *formColumnsRenderer) MinSize() fyne.Size {
	c := r.c
	a, b := c.first.MinSize(), c.second.MinSize()
	if c.SideBySide(c.width) {
		return fyne.NewSize(c.minFirst+c.gap()+c.minSecond, max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+c.gap()+b.Height)
}

func (r *formColumnsRenderer) Layout(size fyne.Size) {
	c := r.c
	if c.SideBySide(size.Width) {
		first, second := c.widths(size.Width)
		c.first.Move(fyne.NewPos(0, 0))
		c.first.Resize(fyne.NewSize(first, size.Height))
		line := theme.SeparatorThicknessSize()
		c.divider.Move(fyne.NewPos(first+(c.gap()-line)/2, 0))
		c.divider.Resize(fyne.NewSize(line, size.Height))
		c.divider.Show()
		c.second.Move(fyne.NewPos(first+c.gap(), 0))
		c.second.Resize(fyne.NewSize(second, size.Height))
		return
	}
	c.divider.Hide()
	h := c.first.MinSize().Height
	c.first.Move(fyne.NewPos(0, 0))
	c.first.Resize(fyne.NewSize(size.Width, h))
	c.second.Move(fyne.NewPos(0, h+c.gap()))
	c.second.Resize(fyne.NewSize(size.Width, max(size.Height-h-c.gap(), c.second.MinSize().Height)))
}

func (r *formColumnsRenderer) Refresh() { r.Layout(r.c.Size()) }

// Objects are in reading order, which is also the Tab order.
func (r *formColumnsRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.first, r.c.divider, r.c.second}
}
func (r *formColumnsRenderer) Destroy() {}

// NoteGrid lays out the note fields: two to a row when each gets a
// comfortable width (a last odd one spans the row), one to a row when not.
// Height beyond the minimum is shared among the rows, so the notes grow
// into whatever room the form has. Its height follows its width.
type NoteGrid struct {
	widget.BaseWidget
	notes       []fyne.CanvasObject
	comfortable float32 // the width a note needs to share a row
	width       float32
}

// NewNoteGrid is a NoteGrid of notes, two to a row from comfortable width.
func NewNoteGrid(comfortable float32, notes ...fyne.CanvasObject) *NoteGrid {
	g := &NoteGrid{notes: notes, comfortable: comfortable}
	g.ExtendBaseWidget(g)
	return g
}

// Columns is how many notes share a row at width.
func (g *NoteGrid) Columns(width float32) int {
	if width >= 2*g.comfortable+g.gap() {
		return 2
	}
	return 1
}

func (g *NoteGrid) gap() float32 { return theme.Padding() * 2 }

// rows groups the notes as laid out at width.
func (g *NoteGrid) rows(width float32) [][]fyne.CanvasObject {
	step := g.Columns(width)
	var rows [][]fyne.CanvasObject
	for i := 0; i < len(g.notes); i += step {
		rows = append(rows, g.notes[i:min(i+step, len(g.notes))])
	}
	return rows
}

func rowMin(row []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range row {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (g *NoteGrid) Resize(size fyne.Size) {
	resizeByWidth(&g.BaseWidget, &g.width, size, g.Columns)
}

func (g *NoteGrid) CreateRenderer() fyne.WidgetRenderer { return &noteGridRenderer{g: g} }

type noteGridRenderer struct{ g *NoteGrid }

func (r *noteGridRenderer) MinSize() fyne.Size {
	rows := r.g.rows(r.g.width)
	var size fyne.Size
	for _, row := range rows {
		m := rowMin(row)
		size.Width = max(size.Width, m.Width+r.g.gap()*float32(len(row)-1))
		size.Height += m.Height
	}
	size.Height += r.g.gap() * float32(max(len(rows)-1, 0))
	return size
}

func (r *noteGridRenderer) Layout(size fyne.Size) {
	g := r.g
	rows := g.rows(size.Width)
	if len(rows) == 0 {
		return
	}
	extra := max(size.Height-r.MinSize().Height, 0) / float32(len(rows))
	y := float32(0)
	for _, row := range rows {
		h := rowMin(row).Height + extra
		w := (size.Width - g.gap()*float32(len(row)-1)) / float32(len(row))
		for i, o := range row {
			o.Move(fyne.NewPos(float32(i)*(w+g.gap()), y))
			o.Resize(fyne.NewSize(w, h))
		}
		y += h + g.gap()
	}
}

func (r *noteGridRenderer) Refresh()                     { r.Layout(r.g.Size()) }
func (r *noteGridRenderer) Objects() []fyne.CanvasObject { return r.g.notes }
func (r *noteGridRenderer) Destroy()                     {}

// LabelColumn is the label column shared by several blocks of one form,
// so that "Pain 0–10" above the columns lines up with "Pain type" inside
// them.
type LabelColumn struct{ labels []fyne.CanvasObject }

func (c *LabelColumn) width() float32 {
	var w float32
	for _, l := range c.labels {
		w = max(w, l.MinSize().Width)
	}
	return w
}

// LabelledRows is a form layout (label, field, label, field…) over a
// shared label column. A row is as tall as its field; the label keeps its
// own height at the row's top, beside the field's first line. Rows stand
// further apart than the wrapped lines inside a field, so each group of
// tags reads as one.
type LabelledRows struct{ column *LabelColumn }

func (LabelledRows) gap() float32 { return theme.Padding() * 2 }

// NewLabelledRows builds the rows and registers their labels with column.
func NewLabelledRows(column *LabelColumn, pairs ...fyne.CanvasObject) *fyne.Container {
	for i := 0; i < len(pairs); i += 2 {
		column.labels = append(column.labels, pairs[i])
	}
	return &fyne.Container{Layout: &LabelledRows{column: column}, Objects: pairs}
}

func (l *LabelledRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	lw := l.column.width()
	var size fyne.Size
	rows := 0
	for i := 0; i+1 < len(objects); i += 2 {
		label, field := objects[i], objects[i+1]
		if !field.Visible() {
			continue
		}
		m := field.MinSize()
		size.Width = max(size.Width, lw+theme.Padding()+m.Width)
		size.Height += max(label.MinSize().Height, m.Height)
		rows++
	}
	size.Height += l.gap() * float32(max(rows-1, 0))
	return size
}

func (l *LabelledRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	lw := l.column.width()
	pad := theme.Padding()
	y := float32(0)
	for i := 0; i+1 < len(objects); i += 2 {
		label, field := objects[i], objects[i+1]
		if !field.Visible() {
			label.Hide()
			continue
		}
		label.Show()
		h := max(label.MinSize().Height, field.MinSize().Height)
		label.Move(fyne.NewPos(0, y))
		label.Resize(fyne.NewSize(lw, label.MinSize().Height))
		field.Move(fyne.NewPos(lw+pad, y))
		field.Resize(fyne.NewSize(max(size.Width-lw-pad, 0), h))
		y += h + l.gap()
	}
}
