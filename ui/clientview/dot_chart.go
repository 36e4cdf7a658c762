package clientview

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DotChart shows two sides of a comparison as one dot per visit, a row
// for each side, equal values stacked, and each side's mean as a bar
// across its dots: every visit seen, which a bar chart of means would
// hide.
type DotChart struct {
	widget.BaseWidget
	Rows   [2]string    // the rows' names: "with", "without"
	Values [2][]float64 // each row's values
}

// Dot chart geometry, in the theme's units.
const (
	dotSize      = 8
	dotRowHeight = 44
	dotLabelW    = 70
)

// NewDotChart is an empty chart.
func NewDotChart() *DotChart {
	c := &DotChart{}
	c.ExtendBaseWidget(c)
	return c
}

// Set shows two rows of values.
func (c *DotChart) Set(rows [2]string, values [2][]float64) {
	c.Rows, c.Values = rows, values
	c.Refresh()
}

func (c *DotChart) CreateRenderer() fyne.WidgetRenderer {
	r := &dotChartRenderer{chart: c}
	r.build()
	return r
}

type dotChartRenderer struct {
	chart   *DotChart
	objects []fyne.CanvasObject
	size    fyne.Size
}

// scale is the axis's whole points from the lowest value to the highest,
// 0 always shown.
func (c *DotChart) scale() (lo, hi float64) {
	lo, hi = 0, 1
	for _, row := range c.Values {
		for _, v := range row {
			lo, hi = math.Min(lo, math.Floor(v)), math.Max(hi, math.Ceil(v))
		}
	}
	return lo, hi
}

func (r *dotChartRenderer) build() {
	c := r.chart
	size := r.size
	if size.IsZero() {
		size = r.MinSize()
	}
	fg := theme.Color(theme.ColorNameForeground)
	accent := theme.Color(theme.ColorNamePrimary)
	lo, hi := c.scale()
	plotW := size.Width - dotLabelW - 2*dotSize
	x := func(v float64) float32 { return dotLabelW + dotSize + float32((v-lo)/(hi-lo))*plotW }
	r.objects = nil
	for i, row := range c.Values {
		y := float32(i)*dotRowHeight + dotRowHeight/2
		name := canvas.NewText(fmt.Sprintf("%s (%d)", c.Rows[i], len(row)), fg)
		name.TextSize = theme.CaptionTextSize()
		name.Move(fyne.NewPos(0, y-name.MinSize().Height/2))
		r.objects = append(r.objects, name)
		stack := map[float64]int{}
		sorted := slices.Clone(row)
		slices.Sort(sorted)
		sum := 0.0
		for _, v := range sorted {
			sum += v
			n := stack[v]
			stack[v]++
			// stacked alternately above and below the row's line
			offset := float32((n+1)/2) * (dotSize + 1)
			if n%2 == 1 {
				offset = -offset
			}
			dot := canvas.NewCircle(withAlpha(accent, 200))
			dot.Resize(fyne.NewSquareSize(dotSize))
			dot.Move(fyne.NewPos(x(v)-dotSize/2, y+offset-dotSize/2))
			r.objects = append(r.objects, dot)
		}
		if len(row) > 0 {
			m := sum / float64(len(row))
			mean := canvas.NewLine(fg)
			mean.StrokeWidth = 2
			mean.Position1, mean.Position2 = fyne.NewPos(x(m), y-dotRowHeight/2+4), fyne.NewPos(x(m), y+dotRowHeight/2-4)
			r.objects = append(r.objects, mean)
		}
	}
	axisY := float32(len(c.Values)) * dotRowHeight
	axis := canvas.NewLine(withAlpha(fg, 120))
	axis.Position1, axis.Position2 = fyne.NewPos(x(lo), axisY), fyne.NewPos(x(hi), axisY)
	r.objects = append(r.objects, axis)
	step := math.Max(1, math.Ceil((hi-lo)/10))
	for v := lo; v <= hi; v += step {
		tick := canvas.NewText(fmt.Sprint(v), fg)
		tick.TextSize = theme.CaptionTextSize()
		tick.Move(fyne.NewPos(x(v)-tick.MinSize().Width/2, axisY+2))
		r.objects = append(r.objects, tick)
	}
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

func (r *dotChartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.build()
}

func (r *dotChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(360, 2*dotRowHeight+theme.CaptionTextSize()+8)
}

func (r *dotChartRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.chart)
}

func (r *dotChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *dotChartRenderer) Destroy()                     {}
