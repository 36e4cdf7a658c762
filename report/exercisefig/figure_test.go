package exercisefig_test

import (
	"math"
	"testing"

	"backtrack/report/exercisefig"
	"backtrack/store"
)

func TestEveryLibraryExerciseIsDrawnInsideItsBox(t *testing.T) {
	for _, ex := range store.Exercises() {
		shapes, ok := exercisefig.Draw(ex.ID, 10, 20, 60, 40)
		if !ok || len(shapes) < 20 {
			t.Errorf("%s: no picture (%d shapes)", ex.ID, len(shapes))
			continue
		}
		for _, s := range shapes {
			for _, p := range s.Poly {
				if p.X < 10-1e-6 || p.X > 70+1e-6 || p.Y < 20-1e-6 || p.Y > 60+1e-6 || math.IsNaN(p.X+p.Y) {
					t.Fatalf("%s: %v is outside the box", ex.ID, p)
				}
			}
		}
		if a := exercisefig.Aspect(ex.ID); a <= 0.2 || a > 2.5 {
			t.Errorf("%s: a picture %.2f as tall as wide will not sit in a handout's row", ex.ID, a)
		}
	}
	if _, ok := exercisefig.Draw("no-such", 0, 0, 10, 10); ok || exercisefig.Has("no-such") {
		t.Fatal("an unknown exercise drew")
	}
}

// A handout is often photocopied: the body, the limbs behind it, the
// outline and the arrows must stay apart in grey.
func TestThePictureReadsInGrey(t *testing.T) {
	shapes, _ := exercisefig.Draw("bird-dog", 0, 0, 100, 50)
	greys := map[int]bool{}
	for _, s := range shapes {
		greys[int(0.299*float64(s.Fill.R)+0.587*float64(s.Fill.G)+0.114*float64(s.Fill.B))] = true
	}
	var levels []int
	for g := range greys {
		levels = append(levels, g)
	}
	if len(levels) < 5 {
		t.Fatalf("only %d greys: %v", len(levels), levels)
	}
	for i, a := range levels {
		for _, b := range levels[i+1:] {
			if math.Abs(float64(a-b)) < 15 {
				t.Errorf("greys %d and %d are too close to tell apart on a copy", a, b)
			}
		}
	}
}
