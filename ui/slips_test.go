package ui

import (
	"context"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// Slips in typing a session: each test stores or shows the wrong thing
// without its fix.

func sessionsOf(t *testing.T, d *Desk, id int64) []store.Session {
	t.Helper()
	hist, err := d.store.ClientHistory(context.Background(), id, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	return hist
}

func TestSlip1DoubleClickOnSaveSavesOnce(t *testing.T) {
	d, _, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.PainBefore.Number, "6")
	// the first click lands; the second hits the same button, still drawn
	tap(d, f.Save)
	tap(d, f.Save)
	if got := len(sessionsOf(t, d, c.ID)); got != 1 {
		t.Fatalf("two clicks on Save stored %d sessions, want 1", got)
	}
}

func TestSlip2AnEmptySessionIsRefusedWithASentence(t *testing.T) {
	d, _, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	press(t, d, shortcutSave)
	if got := len(sessionsOf(t, d, c.ID)); got != 0 {
		t.Fatalf("Ctrl+N, Ctrl+S stored %d sessions", got)
	}
	if d.view.Mode() != clientview.ModeForm {
		t.Fatal("the form closed on an empty save")
	}
	desktest.MustContain(t, "the form's problem", f.Problems.Summary.Text, "Nothing recorded yet")
}

func TestSlip3ADateErrorTakesItsOwnRoom(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.PainBefore.Number, "6")
	for _, date := range []string{"2027-01-15", "31.31.2026"} {
		typeInto(d, f.Date, date)
		press(t, d, shortcutSave)
		msg := f.Problems.Fields["start"]
		if !msg.Visible() || msg.Text == "" {
			t.Fatalf("no date error for %q", date)
		}
		drv := fyne.CurrentApp().Driver()
		bottom := drv.AbsolutePositionForObject(msg).Y + msg.Size().Height
		if msg.Size().Height < msg.MinSize().Height {
			t.Errorf("%q: the date error got %v of the %v it needs: it is drawn over what follows", date, msg.Size(), msg.MinSize())
		}
		if top := drv.AbsolutePositionForObject(f.PainBefore.Number).Y; bottom > top {
			t.Errorf("%q: the date error ends at %v, over the pain row at %v", date, bottom, top)
		}
	}
}

func TestSlip4EscapeTwiceAsksOnce(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.Subjective, "Sore")
	act(d, func() { d.window.Canvas().Unfocus() })
	act(d, func() { d.view.Form.Escape() })
	act(d, func() { d.view.Form.Escape() }) // a second question must not stack
	if n := len(d.window.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d questions open after asking twice, want 1", n)
	}
	pressKey(d, fyne.KeyEscape) // Escape on the question keeps editing
	if d.Unsaved != nil || d.window.Canvas().Overlays().Top() != nil || d.view.Mode() != clientview.ModeForm {
		t.Fatalf("Escape on the question: open %v, mode %v", d.Unsaved != nil, d.view.Mode())
	}
	pressKey(d, fyne.KeyEscape) // asks again
	if d.Unsaved == nil {
		t.Fatal("Escape in the form did not ask about the changes")
	}
	tap(d, d.Unsaved.Discard)
	if top := d.window.Canvas().Overlays().Top(); top != nil || d.view.Mode() != clientview.ModeOverview {
		t.Fatalf("after Discard: a dialog floats (%v), mode %v", top != nil, d.view.Mode())
	}
}

func TestSlip5APainOffTheScaleIsSaidAtOnce(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.PainBefore.Number, "11")
	if !f.PainBefore.Error.Visible() {
		t.Fatal("pain 11 shows no error until Save")
	}
	desktest.MustContain(t, "pain error", f.PainBefore.Error.Text, "0 to 10")
	// the slider shows no score it does not have: not the 1 typed on the
	// way to 11
	if sl := f.PainBefore.Slider; sl.Value != 0 || !sl.Disabled() {
		t.Errorf("after typing 11 the slider is at %v (greyed %v)", sl.Value, sl.Disabled())
	}
	typeInto(d, f.PainBefore.Number, "1")
	if f.PainBefore.Error.Visible() {
		t.Error("the error stays after correcting to 1")
	}
	if sl := f.PainBefore.Slider; sl.Value != 1 || sl.Disabled() {
		t.Errorf("after correcting to 1 the slider is at %v (greyed %v)", sl.Value, sl.Disabled())
	}
}

func TestSlip6SpaceOnAddFirstClientTypesNothing(t *testing.T) {
	d := newTestDesk(t, desktest.OpenStore(t), Options{})
	act(d, func() { d.window.Canvas().Focus(d.welcome.AddClient) })
	pressKey(d, fyne.KeySpace)
	if d.clientForm == nil {
		t.Fatal("Space on Add your first client opened nothing")
	}
	// the driver delivers the key's character after the key itself
	act(d, func() { d.window.Canvas().Focused().TypedRune(' ') })
	if got := d.clientForm.FirstName.Text; got != "" {
		t.Errorf("first name = %q after Space on the button", got)
	}
}

func TestSlip7AfterAChartPointEscapeGoesBackAndArrowsStep(t *testing.T) {
	d, s, c := deskWithClient(t)
	for i, pain := range []int{7, 5, 3} {
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -30+10*i), PainBefore: store.PainOf(pain)})
	}
	act(d, func() { d.view.Reload() })
	middle := d.view.Sessions[1]
	// the therapist clicks a point: the chart takes focus, then opens it
	act(d, func() { d.window.Canvas().Focus(d.view.Chart); d.view.OpenSession(middle.ID) })
	if d.view.Mode() != clientview.ModeDetail {
		t.Fatal("the chart point opened no note")
	}
	pressKey(d, fyne.KeyLeft)
	if d.view.Detail.Session.ID != d.view.Sessions[2].ID {
		t.Errorf("← shows %v, want the earlier visit", d.view.Detail.Session.Start)
	}
	tap(d, d.view.Detail.Newer)
	tap(d, d.view.Detail.Newer)
	if d.view.Detail.Session.ID != d.view.Sessions[0].ID || !d.view.Detail.Newer.Disabled() {
		t.Errorf("Later twice shows %v (later enabled %v), want the last visit", d.view.Detail.Session.Start, !d.view.Detail.Newer.Disabled())
	}
	pressKey(d, fyne.KeyEscape)
	if d.view.Mode() != clientview.ModeOverview {
		t.Fatalf("Escape after a chart point: mode %v, want the overview", d.view.Mode())
	}
}

func TestSlip8LeaveSampleDataReadsInDark(t *testing.T) {
	d := newTestDesk(t, desktest.OpenStore(t), Options{})
	act(d, func() { d.app.Settings().SetTheme(kit.NewDeskTheme(kit.AppearanceDark)) })
	tap(d, d.welcome.Explore)
	var label *canvas.Text
	desktest.EachObject(d.banner.content, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == "Leave sample data" {
			label = tx
		}
	})
	if label == nil {
		t.Fatal("no Leave sample data text")
	}
	bg := d.app.Settings().Theme().Color(theme.ColorNameButton, theme.VariantDark) // the dark theme's button
	if contrast(label.Color, bg) < 4.5 {
		t.Errorf("Leave sample data: text %v on %v, contrast %.1f, want 4.5 or more", label.Color, bg, contrast(label.Color, bg))
	}
	tap(d, d.banner.Leave)
}

func TestSlip9AnEmptyHistorySaysSo(t *testing.T) {
	d, _, _ := deskWithClient(t)
	h := d.view.History
	if !h.Empty.Visible() {
		t.Fatal("the empty message is hidden")
	}
	if w := h.Empty.MinSize().Width; w < 200 {
		t.Errorf("the empty message asks for %v wide: it shows as a lone …", w)
	}
}

func TestSlip10ArchivingTheOnlyClientSaysWhereTheyWent(t *testing.T) {
	d, _, _ := deskWithClient(t)
	tap(d, d.view.Header.Archive)
	tap(d, d.Confirm.OK)
	if len(d.list.Rows()) != 0 {
		t.Fatal("the archived client is still listed")
	}
	if got := d.list.Status.Text; got == "No clients yet" {
		t.Errorf("status = %q although an archived client exists", got)
	}
	desktest.MustContain(t, "status", d.list.Status.Text, "Show archived")
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
