package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/sessionform"
)

// menuBarHeight is what the desktop's menu bar takes off a screen; the
// test window draws none, so tests size the window without it.
const menuBarHeight = 30

// deskOnScreen opens the form for a client with a medical alert and a
// medical history (the tallest header) on a window the size of a screen.
func formOnScreen(t *testing.T, width, height float32) (*Desk, *sessionform.SessionForm) {
	t.Helper()
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Emma", LastName: "Brennan",
		Contraindications: "Osteoporosis: gentle pressure, no joint mobilisation.",
		MedicalHistory:    "Fell on ice in January; bruised right buttock, pain since."})
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	press(t, d, shortcutNewSession)
	resizeWindow(d, width, height)
	return d, d.view.Form
}

// resizeWindow resizes twice: text that wraps at the new width changes
// heights, which settle on the second pass as they do on the next frame.
func resizeWindow(d *Desk, width, height float32) {
	size := fyne.NewSize(width, height-menuBarHeight)
	act(d, func() { d.window.Resize(size.SubtractWidthHeight(1, 1)) })
	act(d, func() { d.window.Resize(size) })
}

// scrollNeed is how much taller the form's body is than its viewport.
func scrollNeed(f *sessionform.SessionForm) float32 {
	return f.Scroll.Content.MinSize().Height - f.Scroll.Size().Height
}

// visibleInScroll reports whether o, inside the form's scroll, is in view.
func visibleInScroll(f *sessionform.SessionForm, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(f.Scroll).Y
	return top >= 0 && top+o.Size().Height <= f.Scroll.Size().Height
}

func TestSessionFormFitsALaptopScreenWithoutScrolling(t *testing.T) {
	// given a 1280×800 screen and a client whose header is as tall as it gets
	d, f := formOnScreen(t, 1280, 800)

	// then the notes stand beside the tags and nothing needs scrolling
	if !f.Columns.SideBySide(f.Columns.Size().Width) {
		t.Fatalf("notes are below the tags at a form width of %v", f.Columns.Size().Width)
	}
	if need := scrollNeed(f); need > 0 {
		t.Errorf("the form needs %v more units of height: it scrolls at 1280×800", need)
	}
	d2 := fyne.CurrentApp().Driver()
	tags := d2.AbsolutePositionForObject(f.Pickers[store.Muscle].Content)
	notes := d2.AbsolutePositionForObject(f.HomeCare)
	if notes.X <= tags.X+f.Pickers[store.Muscle].Content.Size().Width {
		t.Errorf("home care at x=%v is not right of the muscles (x=%v)", notes.X, tags.X)
	}
	for _, o := range []fyne.CanvasObject{f.Date, f.PainAfter.Number, f.Pickers[store.Technique].AddName, f.HomeCare, f.Save} {
		pos := d2.AbsolutePositionForObject(o)
		if pos.Y+o.Size().Height > d.window.Canvas().Size().Height || pos.X+o.Size().Width > d.window.Canvas().Size().Width {
			t.Errorf("%T at %v size %v is cut off by the window", o, pos, o.Size())
		}
	}
}

func TestSessionFormStacksAndScrollsOnASmallScreen(t *testing.T) {
	// given a 1024×700 screen
	d, f := formOnScreen(t, 1024, 700)

	// then the notes go below the tags, two to a row, and the form scrolls
	if f.Columns.SideBySide(f.Columns.Size().Width) {
		t.Fatal("notes are squeezed beside the tags on a small screen")
	}
	if scrollNeed(f) <= 0 {
		t.Fatal("the stacked form does not need scrolling: the test no longer tests scrolling")
	}
	if visibleInScroll(f, f.HomeCare) {
		t.Fatal("home care is in view before scrolling")
	}

	// when the therapist tabs to home care, the form scrolls to it
	act(d, func() { d.window.Canvas().Focus(f.HomeCare) })
	if !visibleInScroll(f, f.HomeCare) {
		t.Errorf("home care is out of view after Tab reached it (offset %v)", f.Scroll.Offset.Y)
	}

	// and going back to a wide window puts the notes beside the tags again
	resizeWindow(d, 1280, 800)
	if !f.Columns.SideBySide(f.Columns.Size().Width) || scrollNeed(f) > 0 {
		t.Errorf("after widening: side by side %v, scroll need %v",
			f.Columns.SideBySide(f.Columns.Size().Width), scrollNeed(f))
	}
}

func TestSessionFormTabOrderFollowsTheLayout(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 700}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			d, f := formOnScreen(t, size.Width, size.Height)
			// the order the form reads in: top line, pain, tags, notes, buttons
			want := []fyne.Focusable{f.Date, f.Time, f.Duration, f.Copy, f.PainBefore.Number, f.PainAfter.Number}
			for _, k := range sessionform.FormKinds {
				want = append(want, f.Pickers[k].Items[0].Check, f.Pickers[k].AddName)
				switch k {
				case store.PainType:
					want = append(want, f.BodyChart.Find, f.BodyChart.Open, f.BodyChart.CopyLast)
				case store.Trigger:
					want = append(want, f.TriggerOther)
				}
			}
			want = append(want, f.Subjective, f.Objective, f.Assessment, f.Plan, f.HomeCare, f.Cancel, f.Save)
			index := map[fyne.Focusable]int{}
			for i, w := range want {
				index[w] = i
			}

			// when Tab walks the window from the date
			c := d.window.Canvas()
			act(d, func() { c.Focus(f.Date) })
			var got []int
			for range 400 {
				if i, ok := index[c.Focused()]; ok {
					got = append(got, i)
				}
				act(d, func() { c.FocusNext() })
				if c.Focused() == f.Date {
					break
				}
			}

			// then it meets the fields in reading order, each once
			if len(got) != len(want) {
				t.Fatalf("Tab reached %d of the %d landmarks: %v", len(got), len(want), got)
			}
			for i, g := range got {
				if g != i {
					t.Fatalf("Tab order %v, want 0…%d in order", got, len(want)-1)
				}
			}
		})
	}
}
