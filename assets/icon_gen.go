//go:build ignore

// Draws assets/icon.png: a lumbar spine beside a falling pain trend.
// Run from the repository root: go run assets/icon_gen.go assets/icon.png

package main

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

func roundRect(z *vector.Rasterizer, x0, y0, x1, y1, r float32) {
	z.MoveTo(x0+r, y0)
	z.LineTo(x1-r, y0)
	z.QuadTo(x1, y0, x1, y0+r)
	z.LineTo(x1, y1-r)
	z.QuadTo(x1, y1, x1-r, y1)
	z.LineTo(x0+r, y1)
	z.QuadTo(x0, y1, x0, y1-r)
	z.LineTo(x0, y0+r)
	z.QuadTo(x0, y0, x0+r, y0)
	z.ClosePath()
}

func fill(dst *image.RGBA, c color.Color, shape func(z *vector.Rasterizer)) {
	z := vector.NewRasterizer(size, size)
	shape(z)
	z.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{})
}

// thick polyline as quads
func stroke(z *vector.Rasterizer, pts [][2]float32, w float32) {
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		dx, dy := b[0]-a[0], b[1]-a[1]
		l := float32(math.Hypot(float64(dx), float64(dy)))
		nx, ny := -dy/l*w/2, dx/l*w/2
		z.MoveTo(a[0]+nx, a[1]+ny)
		z.LineTo(b[0]+nx, b[1]+ny)
		z.LineTo(b[0]-nx, b[1]-ny)
		z.LineTo(a[0]-nx, a[1]-ny)
		z.ClosePath()
	}
	for _, p := range pts { // round joins
		circle(z, p[0], p[1], w/2)
	}
}

func circle(z *vector.Rasterizer, cx, cy, r float32) {
	const k = 0.5523
	z.MoveTo(cx+r, cy)
	z.CubeTo(cx+r, cy+k*r, cx+k*r, cy+r, cx, cy+r)
	z.CubeTo(cx-k*r, cy+r, cx-r, cy+k*r, cx-r, cy)
	z.CubeTo(cx-r, cy-k*r, cx-k*r, cy-r, cx, cy-r)
	z.CubeTo(cx+k*r, cy-r, cx+r, cy-k*r, cx+r, cy)
	z.ClosePath()
}

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), image.Transparent, image.Point{}, draw.Src)
	teal := color.RGBA{0x1f, 0x6f, 0x78, 0xff}
	fill(img, teal, func(z *vector.Rasterizer) { roundRect(z, 16, 16, 496, 496, 96) })
	// lumbar spine: five vertebrae following a gentle lordotic curve
	white := color.RGBA{0xf6, 0xf3, 0xec, 0xff}
	for i := 0; i < 5; i++ {
		y := float32(92 + i*62)
		t := float64(i) / 4
		x := float32(168 + 30*math.Sin(t*math.Pi))
		w := float32(96 + i*8)
		fill(img, white, func(z *vector.Rasterizer) { roundRect(z, x-w/2, y, x+w/2, y+44, 18) })
	}
	// pain easing over visits: a falling trend line with dots
	coral := color.RGBA{0xff, 0x8a, 0x5c, 0xff}
	pts := [][2]float32{{318, 178}, {362, 258}, {404, 288}, {446, 384}}
	fill(img, coral, func(z *vector.Rasterizer) { stroke(z, pts, 22) })
	for _, p := range pts {
		fill(img, coral, func(z *vector.Rasterizer) { circle(z, p[0], p[1], 26) })
		fill(img, teal, func(z *vector.Rasterizer) { circle(z, p[0], p[1], 11) })
	}
	f, _ := os.Create(os.Args[1])
	png.Encode(f, img)
	f.Close()
}
