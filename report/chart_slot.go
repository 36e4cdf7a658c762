package report

// chartHeight is the printed pain chart's height in millimetres.
const chartHeight = 62.0

// chart prints the pain trend as vectors, on one page.
func (r *renderer) chart() {
	r.section("Pain over visits", chartHeight)
	if len(r.d.Trend) == 0 {
		r.paragraph(smallStyle, "No visits in this period, so there is nothing to chart.")
		return
	}
	y := r.pdf.GetY() + 1
	drawTrendChart(r, r.left, y, r.width, chartHeight, r.d)
	r.pdf.SetY(y + chartHeight)
}

// drawTrendChart draws the chart into the box.
//
// CHART SLOT: the vector chart (DrawPainChart in chart_pdf.go) is built on
// another branch; until it lands this draws a framed placeholder of the
// same size so the layout around it is final.
func drawTrendChart(r *renderer, x, y, w, h float64, d Data) {
	r.draw(ruleColor)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Rect(x, y, w, h, "D")
	r.block(smallStyle, x, y+h/2-2, w, "C", "Pain chart")
}
