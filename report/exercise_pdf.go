package report

import (
	"backtrack/report/exercisefig"

	"github.com/jung-kurt/gofpdf"
)

// drawExercise draws a library exercise's picture fitted into the box, as
// filled vector polygons; false when it has none.
func drawExercise(pdf *gofpdf.Fpdf, id string, x, y, w, h float64) bool {
	shapes, ok := exercisefig.Draw(id, x, y, w, h)
	if !ok {
		return false
	}
	var pts []gofpdf.PointType
	for _, s := range shapes {
		pts = pts[:0]
		for _, p := range s.Poly {
			pts = append(pts, gofpdf.PointType{X: p.X, Y: p.Y})
		}
		pdf.SetFillColor(int(s.Fill.R), int(s.Fill.G), int(s.Fill.B))
		pdf.Polygon(pts, "F")
	}
	return true
}
