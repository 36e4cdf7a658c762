// Package desktest is what the desk's rooms' tests share: a real store on a
// temporary file at a fixed clock, records added through it, and the
// widgets found by what the therapist reads.
package desktest

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/kit"
)

// Now is the clock every test desk and store runs on.
var Now = time.Date(2026, 11, 25, 15, 0, 0, 0, time.Local)

// OpenStore opens a real database in a fresh temporary folder.
func OpenStore(t testing.TB) *sqlstore.Store {
	t.Helper()
	return testkit.OpenStore(t, Now)
}

// AddClient creates c in s.
func AddClient(t testing.TB, s *sqlstore.Store, c store.Client) store.Client {
	t.Helper()
	c, err := s.CreateClient(context.Background(), c)
	if err != nil {
		t.Fatalf("create client: %v", err)
	}
	return c
}

// Term is the vocabulary's term of that kind and name.
func Term(t testing.TB, s *sqlstore.Store, kind store.Kind, name string) store.Term {
	t.Helper()
	found, err := s.TermNamed(context.Background(), kind, name)
	if err != nil {
		t.Fatalf("term %q: %v", name, err)
	}
	return found
}

// AddSession saves sess in s, an hour long unless it says otherwise.
func AddSession(t testing.TB, s *sqlstore.Store, sess store.Session) store.Session {
	t.Helper()
	if sess.DurationMin == 0 {
		sess.DurationMin = 60
	}
	saved, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: sess})
	if err != nil {
		t.Fatalf("save session: %v", err)
	}
	return saved
}

// MustContain fails the test for each of wants that got lacks.
func MustContain(t testing.TB, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s = %q, want it to contain %q", what, got, w)
		}
	}
}

// EachObject calls fn for o and for every object drawn inside it, as the
// window draws them: a container's objects, a widget's renderer's.
func EachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			EachObject(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			EachObject(c, fn)
		}
	}
}

// FindButton finds a button by its text among o and its descendants: the
// desk's own (Enter presses them) or one a Fyne dialog made.
func FindButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	EachObject(o, func(c fyne.CanvasObject) {
		var b *widget.Button
		switch v := c.(type) {
		case *kit.Button:
			b = &v.Button
		case *widget.Button:
			b = v
		}
		if b != nil && found == nil && b.Text == text {
			found = b
		}
	})
	return found
}

// ShownText is what the dialog on top of win says: the text of each label
// in it, a line each, as the therapist reads it ("" with no dialog open).
func ShownText(win fyne.Window) string {
	var lines []string
	EachObject(win.Canvas().Overlays().Top(), func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && l.Visible() {
			lines = append(lines, l.Text)
		}
	})
	return strings.Join(lines, "\n")
}

// ConsentTo records a written consent of a week before Now to areas.
func ConsentTo(t testing.TB, s *sqlstore.Store, c store.Client, areas ...store.ConsentArea) {
	t.Helper()
	if _, err := s.SaveConsent(context.Background(), c.ID, store.Consent{On: Now.AddDate(0, 0, -7),
		How: store.ConsentWritten, Assessment: true, Areas: areas}); err != nil {
		t.Fatal(err)
	}
}

// PDFWords is the text of the PDF at path, its words one space apart.
func PDFWords(t *testing.T, path string) string {
	t.Helper()
	return strings.Join(strings.Fields(testkit.PDFText(t, path, testkit.Raw)), " ")
}

// FileNames are the names of a folder's entries, for a failure to list.
func FileNames(entries []os.DirEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
