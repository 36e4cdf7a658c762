package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

// keyboard drives the desk as the desktop driver does, and counts the key
// presses that are not typed text.
type keyboard struct {
	t       *testing.T
	d       *Desk
	presses int
}

// text types s into whatever has focus; typed text is not counted.
func (k *keyboard) text(s string) {
	for _, r := range s {
		act(k.d, func() {
			if f := k.d.window.Canvas().Focused(); f != nil {
				f.TypedRune(r)
			} else if on := k.d.window.Canvas().OnTypedRune(); on != nil {
				on(r)
			}
		})
	}
}

// side is a side key (L, R, B): one press, though it is a letter.
func (k *keyboard) side(r rune) {
	k.presses++
	k.text(string(r))
}

// key presses a named key: Tab and Shift+Tab move focus unless the
// focused widget takes Tab, as in the GLFW driver; the rest go to the
// focused widget, or the window.
func (k *keyboard) key(name fyne.KeyName, shift bool) {
	k.presses++
	act(k.d, func() {
		c := k.d.window.Canvas()
		if name == fyne.KeyTab {
			if tb, ok := c.Focused().(fyne.Tabbable); !ok || !tb.AcceptsTab() {
				if shift {
					c.FocusPrevious()
				} else {
					c.FocusNext()
				}
				return
			}
		}
		ev := &fyne.KeyEvent{Name: name}
		if f := c.Focused(); f != nil {
			f.TypedKey(ev)
		} else if on := c.OnTypedKey(); on != nil {
			on(ev)
		}
	})
}

func (k *keyboard) shortcut(sc fyne.Shortcut) {
	k.presses++
	press(k.t, k.d, sc)
}

func (k *keyboard) focused() fyne.Focusable { return k.d.window.Canvas().Focused() }

// A typical session, keyboard only, in 25 presses or fewer beyond the
// typed text. The README states the count this measures.
func TestATypicalSessionTakesFewKeysAndNoMouse(t *testing.T) {
	d, _, c := deskWithClient(t)
	k := &keyboard{t: t, d: d}

	k.shortcut(shortcutNewSession)
	k.shortcut(shortcutDayEarlier) // yesterday
	k.text("7")
	k.key(fyne.KeyReturn, false)
	k.text("4")
	k.key(fyne.KeyReturn, false)
	k.text("sha") // pain type: Sharp / stabbing
	k.key(fyne.KeyReturn, false)
	k.text("low") // where it hurts: Lower back, left, is lumbar (L) on the chart
	k.key(fyne.KeyReturn, false)
	k.side('l')
	k.text("sit") // trigger: Sitting long
	k.key(fyne.KeyReturn, false)
	k.text("ql") // muscle: Quadratus lumborum, left
	k.key(fyne.KeyReturn, false)
	k.side('l')
	k.text("mass, str") // techniques: Massage and Stretching
	k.key(fyne.KeyReturn, false)
	if k.focused() != d.view.Form.Subjective {
		t.Fatalf("after the techniques the focus is on %T, want Subjective", k.focused())
	}
	k.text("Sharp pain after lifting boxes.")
	k.key(fyne.KeyTab, false)
	k.text("Left QL tight, tender.")
	k.key(fyne.KeyTab, false)
	k.text("Acute QL strain, improving.")
	k.key(fyne.KeyTab, false)
	k.text("Weekly; QL stretch at home.")
	k.shortcut(shortcutSave)

	if d.view.Form != nil {
		t.Fatalf("not saved: %q", d.view.Form.Problems.Summary.Text)
	}
	hist := sessionsOf(t, d, c.ID)
	if len(hist) != 1 {
		t.Fatalf("%d sessions stored", len(hist))
	}
	got := hist[0]
	want := map[string]string{
		"date":       desktest.Now.AddDate(0, 0, -1).Format(store.DateLayout),
		"pain":       "7 → 4",
		"pain types": "Sharp / stabbing",
		"locations":  "Lumbar (L): Sharp / stabbing", // the mark takes the one pain type ticked
		"triggers":   "Sitting long",
		"muscles":    "Quadratus lumborum (L)",
		"techniques": "Massage, Stretching",
		"notes":      "Sharp pain after lifting boxes.|Left QL tight, tender.|Acute QL strain, improving.|Weekly; QL stretch at home.",
	}
	n := got.Notes
	for what, value := range map[string]string{
		"date": got.Start.Format(store.DateLayout), "pain": clientview.PainBeforeAfter(got.PainBefore, got.PainAfter),
		"pain types": store.TagLabels(got.PainTypes), "locations": got.WhereItHurts(),
		"triggers": store.TagLabels(got.Triggers), "muscles": store.TagLabels(got.Muscles),
		"techniques": store.TagLabels(got.Techniques),
		"notes":      n.Subjective + "|" + n.Objective + "|" + n.Assessment + "|" + n.Plan,
	} {
		if value != want[what] {
			t.Errorf("%s = %q, want %q", what, value, want[what])
		}
	}
	t.Logf("a typical session took %d key presses beyond the typed text", k.presses)
	if k.presses > 25 {
		t.Errorf("a typical session took %d key presses beyond the typed text, want 25 or fewer", k.presses)
	}
}

// Tab and Shift+Tab leave every multi-line note, in both forms.
func TestTabLeavesNotesInEveryForm(t *testing.T) {
	d, _, _ := deskWithClient(t)
	k := &keyboard{t: t, d: d}
	press(t, d, shortcutNewSession)
	f := d.view.Form
	act(d, func() { d.window.Canvas().Focus(f.Subjective) })
	k.key(fyne.KeyTab, false)
	if k.focused() != f.Objective || f.Subjective.Text != "" {
		t.Errorf("Tab in Subjective: focus on %T, text %q", k.focused(), f.Subjective.Text)
	}
	k.key(fyne.KeyTab, true)
	if k.focused() != f.Subjective {
		t.Errorf("Shift+Tab in Objective: focus on %T", k.focused())
	}
	pressKey(d, fyne.KeyEscape)

	press(t, d, shortcutNewClient)
	cf := d.clientForm
	act(d, func() { d.window.Canvas().Focus(cf.MedicalHistory) })
	k.text("Disc herniation 2019")
	k.key(fyne.KeyTab, false)
	k.text("Naproxen")
	if cf.MedicalHistory.Text != "Disc herniation 2019" || cf.Medications.Text != "Naproxen" {
		t.Errorf("history %q, medications %q: Tab did not leave the history", cf.MedicalHistory.Text, cf.Medications.Text)
	}
}

// Enter presses the focused button, as Space does.
func TestEnterPressesTheFocusedButton(t *testing.T) {
	d, _, _ := deskWithClient(t)
	act(d, func() { d.window.Canvas().Focus(d.view.Header.NewSession) })
	pressKey(d, fyne.KeyReturn)
	if d.view.Mode() != clientview.ModeForm {
		t.Fatalf("Enter on New session: mode %v", d.view.Mode())
	}
}

// The date takes the locale's way of writing it, and steps a day by key.
func TestDatesTypedTheLocalWayAndSteppedByKey(t *testing.T) {
	d, _, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.Date, "1.11.2026")
	act(d, func() { d.window.Canvas().Focus(f.Date) })
	pressKey(d, fyne.KeyDown)
	if f.Date.Text != "2026-10-31" {
		t.Errorf("Down on 1.11.2026 = %q, want 2026-10-31", f.Date.Text)
	}
	pressKey(d, fyne.KeyUp)
	pressKey(d, fyne.KeyUp)
	typeInto(d, f.PainBefore.Number, "5")
	press(t, d, shortcutSave)
	if hist := sessionsOf(t, d, c.ID); len(hist) != 1 || hist[0].Start.Format(store.DateLayout) != "2026-11-02" {
		t.Fatalf("saved %v, want one session on 2026-11-02", hist)
	}
}
