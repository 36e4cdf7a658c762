package clientmode

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backtrack/report/bodymap"
	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// tapRegion taps the chart at the middle of a region, as a finger does.
func (h *handOver) tapRegion(t *testing.T, id store.RegionID) {
	t.Helper()
	chart := h.s.Answers.Where.Chart
	size := chart.Size()
	sh, ok := bodymap.Layout(0, 0, float64(size.Width), float64(size.Height)).ShapeOf(id)
	if !ok {
		t.Fatalf("no shape for %s", id)
	}
	test.TapAt(chart, fyne.NewPos(float32(sh.Centre.X), float32(sh.Centre.Y)))
}

func TestTheClientTapsWhereItHurtsOnTheChartAndByKeysAndItIsKept(t *testing.T) {
	h := newHandOver(t, []store.FormKind{store.FormPain, store.FormBodyChart}, time.Hour)
	desktest.MustContain(t, "welcome", h.shown(), "pain today and where it hurts")
	h.nextPage(t)
	test.Tap(h.s.Answers.Pain.Buttons[5])
	h.nextPage(t)
	desktest.MustContain(t, "the chart's page", h.shown(), "Where it hurts", "Tap where it hurts. Tap again to remove.",
		"Nothing marked yet", "Page 3 of 4")

	where := h.s.Answers.Where
	h.tapRegion(t, "lumbar-l")
	h.tapRegion(t, "sacral")
	h.tapRegion(t, "knee-r")
	h.tapRegion(t, "knee-r") // again: removed
	if want := "You marked: Lower back, left side; Base of the spine, above the tailbone."; where.Marked.Text != want {
		t.Fatalf("after the taps the page says %q", where.Marked.Text)
	}
	if marks := where.Chart.Marks(); len(marks) != 2 || marks[0].Region != "lumbar-l" {
		t.Fatalf("the chart shows %+v", marks)
	}
	// the list by keys: Tab to a region's name, Space marks it, Enter unmarks it
	c := h.win.Canvas()
	for range 100 {
		if c.Focused() == where.Regions["shoulder-r"] {
			break
		}
		test.FocusNext(c)
	}
	if c.Focused() != where.Regions["shoulder-r"] {
		t.Fatal("Tab does not reach the right shoulder")
	}
	if where.Chart.Focused() != "shoulder-r" {
		t.Errorf("the right shoulder's name is focused, the chart rings %q", where.Chart.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	test.FocusNext(c)
	if c.Focused() != where.Regions["upper-back-l"] {
		t.Fatalf("Tab from the right shoulder went to %v", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := where.Chosen(); !slices.Equal(got, []store.RegionID{"shoulder-r", "lumbar-l", "sacral"}) {
		t.Fatalf("after the keys: %v", got)
	}
	// and a mouse click on a name
	test.Tap(where.Regions["foot-l"])

	// Back and Next keep what was marked
	test.Tap(h.s.Back)
	h.nextPage(t)
	if len(where.Chart.Marks()) != 4 {
		t.Fatalf("Back and Next lost the marks: %+v", where.Chart.Marks())
	}
	h.nextPage(t)
	test.Tap(h.s.Next)
	if !h.s.Finished() {
		t.Fatalf("not finished: %q", h.s.Message.Text)
	}
	subs, err := h.store.Submissions(context.Background(), h.client.ID)
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions: %d %v", len(subs), err)
	}
	if got := subs[0].BodyChart; !slices.Equal(got, []store.RegionID{"shoulder-r", "lumbar-l", "sacral", "foot-l"}) || subs[0].Pain != 5 {
		t.Fatalf("kept: %v, pain %d", got, subs[0].Pain)
	}
}

// Every name in the list is a finger's target on a landscape laptop and on
// a portrait tablet, and the chart takes what room the page has.
func TestWhereItHurtsHasFingerSizedTargetsOnBothScreens(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 800, Height: 1280}} {
		h := newHandOver(t, []store.FormKind{store.FormBodyChart}, time.Hour)
		h.win.Resize(size)
		h.nextPage(t)
		where := h.s.Answers.Where
		for id, b := range where.Regions {
			if b.Size().Height < 44 || b.Size().Width < 44 {
				t.Errorf("%v: %s is %v", size, id, b.Size())
			}
		}
		// the chart takes the height beside the list on a laptop, the width
		// over it on a tablet
		if fig := where.Chart.Size(); (size.Width > size.Height && fig.Height < size.Height*0.55) ||
			(size.Width < size.Height && fig.Width < size.Width*0.85) {
			t.Errorf("%v: the chart is only %v", size, fig)
		}
		if fig := where.Chart.Size(); fig.Height > size.Height {
			t.Errorf("%v: the chart (%v) is taller than the screen", size, fig)
		}
	}
}
