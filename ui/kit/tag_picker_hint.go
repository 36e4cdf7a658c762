package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// NewHintLayer is where tag pickers float their line of what Enter will
// pick: a layer drawn over the form's body, the same size and origin.
func NewHintLayer() *fyne.Container { return container.NewWithoutLayout() }

// FloatHintOver draws the picker's line of what Enter will pick on the
// layer, under its row and over the top of the row below, as a list of
// suggestions opens over a page: a line that took its own room pushed
// every field below down at the first key and back up at Enter.
func (p *TagPicker) FloatHintOver(layer *fyne.Container) {
	if c, ok := p.Content.(*fyne.Container); ok {
		c.Remove(p.Matches)
	}
	p.hints = layer
	p.hintBack = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	p.hintBack.StrokeColor = theme.Color(theme.ColorNameSeparator)
	p.hintBack.StrokeWidth = 1
}

// floatHint shows the picker's line on the layer, just under its tags, or
// takes it away.
func (p *TagPicker) floatHint(shown bool) {
	if !shown {
		p.hideFloatingHint()
		return
	}
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(p.Flow).Subtract(d.AbsolutePositionForObject(p.hints))
	size := fyne.NewSize(p.Flow.Size().Width, p.Matches.MinSize().Height)
	if below := at.Y + p.Flow.Size().Height; below+size.Height <= p.hints.Size().Height {
		at.Y = below
	} else {
		// The last row of a form that fits its window has no room under
		// it: the line goes over the row above instead of off the edge.
		at.Y -= size.Height
	}
	p.hintBack.FillColor = theme.Color(theme.ColorNameBackground)
	p.hintBack.StrokeColor = theme.Color(theme.ColorNameSeparator)
	for _, o := range []fyne.CanvasObject{p.hintBack, p.Matches} {
		o.Move(at)
		o.Resize(size)
	}
	p.Matches.Show()
	p.hints.Objects = []fyne.CanvasObject{p.hintBack, p.Matches}
	p.hints.Refresh()
}

// hideFloatingHint takes the picker's line off the layer, when the field
// is emptied or the focus leaves the row.
func (p *TagPicker) hideFloatingHint() {
	if p.hints == nil || len(p.hints.Objects) == 0 || p.hints.Objects[len(p.hints.Objects)-1] != p.Matches {
		return
	}
	p.hints.Objects = nil
	p.hints.Refresh()
}
