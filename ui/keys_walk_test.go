package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
	"backtrack/ui/sessionform"
)

// The keys a keyboard-only walk of the real window found wanting, each
// pressed as the desktop driver delivers it.

// spaceKey presses Space as the desktop driver (GLFW) does: the key goes
// down on the focused widget, is typed to it, and then its character is
// typed to whatever has the focus by then, and the key goes up there.
func spaceKey(d *Desk) {
	c := d.window.Canvas()
	down := &fyne.KeyEvent{Name: fyne.KeySpace}
	act(d, func() {
		if k, ok := c.Focused().(desktop.Keyable); ok {
			k.KeyDown(down)
		}
		if f := c.Focused(); f != nil {
			f.TypedKey(down)
		} else if on := c.OnTypedKey(); on != nil {
			on(down)
		}
	})
	act(d, func() {
		if f := c.Focused(); f != nil {
			f.TypedRune(' ')
		} else if on := c.OnTypedRune(); on != nil {
			on(' ')
		}
	})
	act(d, func() {
		if k, ok := c.Focused().(desktop.Keyable); ok {
			k.KeyUp(down)
		}
	})
}

func TestSpaceOnTreatAnywayKeepsTheMuscleTickedBeneath(t *testing.T) {
	// given a client who excluded the gluteal region, and gluteus medius
	// ticked from the keyboard: the consent question asks
	d, _, _ := gateDesk(t, true, "")
	var box fyne.Focusable
	for _, it := range d.view.Form.Pickers[store.Muscle].Items {
		if it.Term.Name == "Gluteus medius" {
			box = it.Check
		}
	}
	act(d, func() { d.window.Canvas().Focus(box) })
	spaceKey(d)
	q := d.view.ConsentAsk
	if q == nil {
		t.Fatal("Space on the gluteus medius box asked nothing")
	}
	typeInto(d, q.Reason, "Client asked for it today")

	// when the therapist presses Space on Treat anyway
	act(d, func() { d.window.Canvas().Focus(q.Choices[store.TreatExcludedAnyway]) })
	spaceKey(d)

	// then the question is answered and the box beneath stays ticked
	if d.view.ConsentAsk != nil {
		t.Fatal("Space on Treat anyway left the question open")
	}
	if !muscleTicked(d, "Gluteus medius") {
		t.Error("Space on Treat anyway unticked gluteus medius beneath: the key's space reached the box")
	}
}

func TestQLThenEnterTypedInOneGoPicksQuadratusLumborum(t *testing.T) {
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	field := d.view.Form.Pickers[store.Muscle].AddName
	act(d, func() {
		d.window.Canvas().Focus(field)
		field.TypedRune('q')
		field.TypedRune('l')
		field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	if !muscleTicked(d, "Quadratus lumborum") {
		t.Errorf("ql Enter typed in one go left the muscles %v, the field %q", d.view.Form.Pickers[store.Muscle].Tags(), field.Text)
	}
}

func TestAltFAndF10OpenTheMenusAndTheKeysReachEveryEntry(t *testing.T) {
	// given a session being written, the cursor in pain before
	d, _, _ := deskWithClient(t)
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.PainBefore.Number, "5")

	// when the therapist presses F10 there, and Alt+F after Esc
	for _, open := range []func(){
		func() { pressKey(d, fyne.KeyF10) },
		func() { press(t, d, shortcutMenus) },
	} {
		open()
		l := kit.TopLayer(d.window)
		if l == nil || l.Name() != "menus" {
			t.Fatalf("no menus opened: top %s", layerName(l))
		}
		// then the keyboard is on File's first entry
		if b, ok := d.window.Canvas().Focused().(*kit.Button); !ok || !strings.HasPrefix(b.Text, "Settings…") {
			t.Fatalf("the menus opened with the focus on %T", d.window.Canvas().Focused())
		}
		pressKey(d, fyne.KeyEscape)
		if kit.TopLayer(d.window) != nil || d.view.Form == nil {
			t.Fatal("Esc did not close the menus alone")
		}
	}

	// and, the session left, Down goes through the entries, with their
	// keys, to Export, which Enter runs
	press(t, d, shortcutSave)
	press(t, d, shortcutMenus)
	seen := map[string]bool{}
	for range 60 {
		b := d.window.Canvas().Focused().(*kit.Button)
		seen[b.Text] = true
		if strings.HasPrefix(b.Text, "Export…") {
			break
		}
		pressKey(d, fyne.KeyDown)
	}
	if !seen["Back up now…   Ctrl+U"] || !seen["Export…   Ctrl+E"] {
		t.Fatalf("the arrows went through %v", seen)
	}
	pressKey(d, fyne.KeyReturn)
	if l := kit.TopLayer(d.window); l == nil || l.Name() != "export" {
		t.Errorf("Enter on Export opened %s", layerName(l))
	}
}

// deskShortcuts are the keys of every action of the desk: the menus' and
// the text fields' own (Fyne's entry takes these before the menu).
func deskShortcuts(d *Desk) map[string][]string {
	keys := map[string][]string{}
	for _, m := range d.window.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				k := shortcutText(it.Shortcut)
				keys[k] = append(keys[k], it.Label)
			}
		}
	}
	for _, k := range []string{"Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z", "Ctrl+Y"} {
		keys[k] = append(keys[k], "the text fields' "+k)
	}
	return keys
}

func TestTheRecordsAndTheClientsScreenHaveKeysAndNoTwoActionsShareOne(t *testing.T) {
	d, _, _ := deskWithClient(t)
	keys := deskShortcuts(d)
	for k, actions := range keys {
		if len(actions) > 1 {
			t.Errorf("%s is the key of %v", k, actions)
		}
	}
	byLabel := map[string]string{}
	for k, actions := range keys {
		byLabel[actions[0]] = k
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	section = section[strings.Index(section, "\n## Keys\n"):]
	section = section[:strings.Index(section[1:], "\n## ")]
	for _, label := range []string{"Back up now…", "Restore from backup…", "Export…", "Import…", "Hand to client…"} {
		if byLabel[label] == "" {
			t.Errorf("%s has no key", label)
		}
	}
	for k, actions := range keys {
		if !strings.Contains(section, k) && !strings.HasPrefix(actions[0], "the text fields'") {
			t.Errorf("the README's Keys section does not list %s (%s)", k, actions[0])
		}
	}
	// and each opens its dialog
	for _, want := range []struct {
		key  fyne.Shortcut
		name string
	}{{shortcutBackUp, "backup"}, {shortcutRestore, "restore"}, {shortcutExport, "export"}, {shortcutImport, "import"}, {shortcutHandToClient, "client PIN"}} {
		press(t, d, want.key)
		if l := kit.TopLayer(d.window); l == nil || l.Name() != want.name {
			t.Errorf("%s opened %s, want %s", shortcutText(want.key), layerName(l), want.name)
		}
		for kit.TopLayer(d.window) != nil {
			act(d, kit.TopLayer(d.window).Dismiss)
		}
	}
	// but not over a dialog, which takes the keys
	press(t, d, shortcutSettings)
	press(t, d, shortcutExport)
	if l := kit.TopLayer(d.window); l == nil || l.Name() != "settings" {
		t.Errorf("Ctrl+E over Settings: top %s", layerName(l))
	}
}

func TestAltHGoesToTheHomeProgrammeInViewAndItStaysThereAsExercisesAreAdded(t *testing.T) {
	d, f := formOnScreen(t, 1024, 700)
	find := f.Programme.Find
	inView := func(_ *Desk, o fyne.CanvasObject) bool { return visibleInScroll(f, o) }
	if inView(d, find) {
		t.Skip("the home programme shows without scrolling at 1024×700")
	}
	press(t, d, sessionform.Sections[6].Key) // Alt+H
	if d.window.Canvas().Focused() != fyne.Focusable(find) || !inView(d, find) {
		t.Fatalf("Alt+H: focus on %T, the exercise field in view %v", d.window.Canvas().Focused(), inView(d, find))
	}
	for _, typed := range []string{"ktc", "ql", "clam"} {
		act(d, func() {
			for _, r := range typed {
				find.TypedRune(r)
			}
			find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		})
		if !inView(d, find) {
			t.Fatalf("after %q the exercise field went out of view", typed)
		}
	}
	if n := len(f.Programme.Rows); n != 3 {
		t.Errorf("%d exercises added", n)
	}
	press(t, d, sessionform.Sections[7].Key) // Alt+R
	if d.window.Canvas().Focused() != fyne.Focusable(f.Screen) {
		t.Errorf("Alt+R: focus on %T, want the red-flag screen's button", d.window.Canvas().Focused())
	}
	desktest.MustContain(t, "the form's keys line", f.SectionKeys.Text(), "H home", "R red flags")
}

func TestTabToTheNotesBringsThemIntoViewUnderALongBrief(t *testing.T) {
	// given a client with a long brief, at 1024×700, where the notes lie
	// below it
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Irene", LastName: "Brennan",
		Contraindications: "Osteoporosis: gentle pressure, no joint mobilisation.",
		MedicalHistory:    "Fell on ice in January; bruised right buttock, pain since."})
	for i := range 12 {
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7*(i+1)),
			PainBefore: store.PainOf(6), PainAfter: store.PainOf(4),
			Notes: store.SOAP{Subjective: "Moderate ache, mostly after previous injury.",
				Objective:  "Good range of motion; gluteus medius mildly tight.",
				Assessment: "Little change today; consider adjusting pressure and stretches.",
				Plan:       "Weekly for 3 weeks, then every 2 weeks."},
			HomeCare: "Heat pack 15 minutes in the evening; walk 20 minutes a day."})
	}
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	resizeWindow(d, 1024, 700)
	page := d.view.Page
	list := d.view.History.List
	drv := fyne.CurrentApp().Driver()
	rowsInView := func() bool {
		top := drv.AbsolutePositionForObject(list).Y - drv.AbsolutePositionForObject(page).Y
		return top >= 0 && top+40 <= page.Size().Height
	}
	if rowsInView() {
		t.Fatalf("the notes show without scrolling at 1024×700: the test needs a longer brief")
	}

	// when Tab reaches the notes
	for range 40 {
		if d.window.Canvas().Focused() == fyne.Focusable(list) {
			break
		}
		act(d, func() { d.window.Canvas().FocusNext() })
	}
	if d.window.Canvas().Focused() != fyne.Focusable(list) {
		t.Fatal("Tab does not reach the notes")
	}

	// then they are scrolled into view, and Enter opens the highlighted one
	if !rowsInView() {
		t.Errorf("the notes, reached by Tab, are out of view (page offset %v)", page.Offset.Y)
	}
	pressKey(d, fyne.KeyReturn)
	if d.view.Detail == nil || d.view.Mode() != clientview.ModeDetail {
		t.Errorf("Enter on the first note opened mode %v", d.view.Mode())
	}
}
