package report

import "backtrack/report/chart"

// chartHeight is the printed pain chart's height in millimetres.
const chartHeight = 62.0

// chart prints the pain trend as vectors (DrawPainChart), kept whole on
// one page with its title.
func (r *renderer) chart() {
	r.section("Pain over visits", chartHeight)
	if len(r.d.Trend) == 0 {
		r.paragraph(smallStyle, "No visits in this period, so there is nothing to chart.")
		return
	}
	// Without a trend to draw, the chart's message alone: an empty frame
	// would push the plan and signature onto a page of their own.
	if msg := chart.Message(r.d.Trend); msg != "" {
		r.paragraph(smallStyle, msg)
		return
	}
	y := r.pdf.GetY() + 1
	// The chart labels in the current family: the report's UTF-8 face.
	r.use(style{"", 8, inkColor})
	drawPainChartFrom(r.pdf, r.left, y, r.width, chartHeight, r.d.Trend, r.d.Progress.Baseline.Before)
	r.pdf.SetY(y + chartHeight)
}
