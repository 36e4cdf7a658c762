package xlayout

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Columns lays children side by side with widths in proportion to weights,
// so a list row lines up with its header row at any window width. Columns
// with weight 0 get their minimum width.
type Columns struct {
	weights []float32
}

// NewColumns is a Columns layout with one weight per child.
func NewColumns(weights ...float32) *Columns { return &Columns{weights: weights} }

func (c *Columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		size.Height = max(size.Height, m.Height)
		if i < len(c.weights) && c.weights[i] == 0 {
			size.Width += m.Width
		} else {
			size.Width += min(m.Width, 40) // flexible columns may shrink and truncate
		}
	}
	size.Width += theme.Padding() * float32(max(len(objects)-1, 0))
	return size
}

func (c *Columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	free := size.Width - pad*float32(max(len(objects)-1, 0))
	var total float32
	for i, o := range objects {
		if i < len(c.weights) && c.weights[i] == 0 {
			free -= o.MinSize().Width
		} else if i < len(c.weights) {
			total += c.weights[i]
		}
	}
	x := float32(0)
	for i, o := range objects {
		w := o.MinSize().Width
		if i < len(c.weights) && c.weights[i] > 0 && total > 0 {
			w = max(free*c.weights[i]/total, 0)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// Facts is a two-column "label: value" layout like Fyne's form layout,
// with rows drawn closer together: every label pads itself, so a form's
// row spacing would spread a summary over twice the height it needs.
// Values may wrap; a row is as tall as its taller cell.
type Facts struct{}

func (Facts) overlap() float32 { return theme.InnerPadding() * 0.75 }

func (f Facts) columns(objects []fyne.CanvasObject) (labelWidth, contentWidth float32) {
	for i := 0; i+1 < len(objects); i += 2 {
		if !objects[i].Visible() && !objects[i+1].Visible() {
			continue
		}
		labelWidth = max(labelWidth, objects[i].MinSize().Width)
		contentWidth = max(contentWidth, objects[i+1].MinSize().Width)
	}
	return labelWidth, contentWidth
}

func (f Facts) MinSize(objects []fyne.CanvasObject) fyne.Size {
	labelWidth, contentWidth := f.columns(objects)
	var height float32
	rows := 0
	for i := 0; i+1 < len(objects); i += 2 {
		if !objects[i].Visible() && !objects[i+1].Visible() {
			continue
		}
		height += max(objects[i].MinSize().Height, objects[i+1].MinSize().Height)
		rows++
	}
	if rows > 1 {
		height -= float32(rows-1) * f.overlap()
	}
	return fyne.NewSize(labelWidth+contentWidth, height)
}

func (f Facts) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	labelWidth, _ := f.columns(objects)
	contentWidth := size.Width - labelWidth
	y := float32(0)
	for i := 0; i+1 < len(objects); i += 2 {
		label, value := objects[i], objects[i+1]
		if !label.Visible() && !value.Visible() {
			continue
		}
		value.Resize(fyne.NewSize(contentWidth, value.MinSize().Height))
		h := max(label.MinSize().Height, value.MinSize().Height)
		label.Move(fyne.NewPos(0, y))
		label.Resize(fyne.NewSize(labelWidth, label.MinSize().Height))
		value.Move(fyne.NewPos(labelWidth, y))
		value.Resize(fyne.NewSize(contentWidth, h))
		y += h - f.overlap()
	}
}

// Overview stacks a summary row over a list (on the desk: before treatment
// and the charts over the history), as the page of a vertical scroll. The
// summary always gets the height it needs, so what is read in the minute
// before treatment is whole at the top of the page, never in a little
// scroll of its own; the list takes the rest of the window and never less
// than MinList: on a short window the page scrolls down to it rather than
// squeezing the summary.
type Overview struct {
	Natural func() float32 // the summary's height, all of it shown
	MinList float32
}

func (o *Overview) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, obj := range objects {
		w = max(w, obj.MinSize().Width)
	}
	return fyne.NewSize(w, o.Natural()+theme.Padding()+o.MinList)
}

func (o *Overview) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != 2 {
		return
	}
	pad := theme.Padding()
	top := o.Natural()
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, top))
	objects[1].Move(fyne.NewPos(0, top+pad))
	objects[1].Resize(fyne.NewSize(size.Width, max(size.Height-top-pad, o.MinList)))
}
