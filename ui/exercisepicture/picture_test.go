package exercisepicture_test

import (
	"image"
	"image/draw"
	"image/png"
	"os"
	"testing"

	"backtrack/store"
	"backtrack/ui/exercisepicture"
)

// Every exercise is drawn on screen: ink covers a fair part of the picture,
// and an unknown one draws nothing.
func TestEveryExerciseIsDrawnOnScreen(t *testing.T) {
	const w, h = 240, 150
	sheet := image.NewRGBA(image.Rect(0, 0, 3*w, 5*h))
	draw.Draw(sheet, sheet.Bounds(), image.White, image.Point{}, draw.Src)
	for i, ex := range store.Exercises() {
		img := exercisepicture.Render(ex.ID, w, h).(*image.RGBA)
		inked := 0
		for i := 3; i < len(img.Pix); i += 4 {
			if img.Pix[i] > 0 {
				inked++
			}
		}
		if share := float64(inked) / (w * h); share < 0.05 {
			t.Errorf("%s: only %.0f%% of the picture is drawn", ex.ID, 100*share)
		}
		at := image.Pt((i%3)*w, (i/3)*h)
		draw.Draw(sheet, image.Rectangle{at, at.Add(image.Pt(w, h))}, img, image.Point{}, draw.Over)
	}
	blank := exercisepicture.Render("no-such", 20, 20).(*image.RGBA)
	for i := 3; i < len(blank.Pix); i += 4 {
		if blank.Pix[i] != 0 {
			t.Fatal("an unknown exercise drew something")
		}
	}
	if path := os.Getenv("BACKTRACK_SCREEN_SHEET"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, sheet); err != nil {
			t.Fatal(err)
		}
	}
}

// A picture as the session form shows it, beside a raster of the same size
// filled flat (the least any picture on screen costs); the goal is a
// picture drawn well within a 16 ms frame (docs/BENCHMARKS.md).
func BenchmarkExercisePicture(b *testing.B) {
	b.Run("backtrack", func(b *testing.B) {
		for b.Loop() {
			exercisepicture.Render("bird-dog", 240, 150)
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for b.Loop() {
			img := image.NewRGBA(image.Rect(0, 0, 240, 150))
			draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
		}
	})
}
