package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
	"backtrack/ui/recordkeeping"
)

// shownTexts are the words of every label and hint drawn inside o.
func shownTexts(o fyne.CanvasObject) []string {
	var texts []string
	desktest.EachObject(o, func(c fyne.CanvasObject) {
		switch v := c.(type) {
		case *widget.Label:
			texts = append(texts, v.Text)
		case *kit.SecondaryText:
			texts = append(texts, v.Seg.Text)
		}
	})
	return texts
}

// The first client's form, opened from the welcome, ends its hint in a
// sentence, not in "Consent.…".
func TestTheFirstClientsHintEndsInASentence(t *testing.T) {
	d := newTestDesk(t, desktest.OpenStore(t), Options{})
	tap(d, d.welcome.AddClient)
	if d.clientForm == nil {
		t.Fatal("Add your first client opened no form")
	}
	found := false
	for _, text := range shownTexts(d.clientForm.Content) {
		if strings.Contains(text, "Consent…") {
			found = true
			if strings.Contains(text, "….") || !strings.HasSuffix(text, ".") {
				t.Errorf("the hint reads %q", text)
			}
		}
	}
	if !found {
		t.Error("the form's hint no longer names Consent…")
	}
}

// A note entered in error, shown in the history on request, does not look
// like one that stands: its row is greyed and slanted, the others not.
func TestAVoidedNoteLooksVoidedInTheHistory(t *testing.T) {
	d, s, c := deskWithClient(t)
	kept := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7), PainBefore: store.PainOf(5)})
	wrong := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -3), PainBefore: store.PainOf(7)})
	for _, id := range []int64{kept.ID, wrong.ID} {
		if _, err := s.SignSession(context.Background(), id, "Anna Keller"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.VoidSession(context.Background(), wrong.ID, "Wrong client", "Anna Keller"); err != nil {
		t.Fatal(err)
	}
	act(d, func() { d.view.Reload() })
	act(d, func() { d.view.History.ShowVoided.SetChecked(true) })
	act(d, func() { d.view.History.List.Refresh() })
	rows := 0
	desktest.EachObject(d.view.History.List, func(o fyne.CanvasObject) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 5 {
			return
		}
		date, ok := row.Objects[0].(*widget.Label)
		if !ok || date.Text == "" {
			return
		}
		rows++
		voided := strings.Contains(date.Text, "voided")
		for _, cell := range row.Objects {
			l := cell.(*widget.Label)
			if looks := l.Importance == widget.LowImportance && l.TextStyle.Italic; looks != voided {
				t.Errorf("row %q: cell %q greyed and slanted %v, the note voided %v", date.Text, l.Text, looks, voided)
			}
		}
	})
	if rows != 2 {
		t.Errorf("%d rows drawn, want the kept note and the voided one", rows)
	}
}

// dueClient is a client whose ODI is due at the next visit.
func dueClient(t *testing.T, s *sqlstore.Store, born time.Time) store.Client {
	t.Helper()
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak", DateOfBirth: born})
	start := store.WallClock(desktest.Now).AddDate(0, 0, -30)
	for i := range 4 {
		desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: start.AddDate(0, 0, 7*i), PainBefore: store.PainOf(6 - i)})
	}
	day, _ := store.ParseWallClock(store.DateLayout, start.Format(store.DateLayout))
	odi := store.Measure{ClientID: c.ID, Kind: store.ODI, Taken: day}
	for i := 1; i <= 10; i++ {
		odi.Items = append(odi.Items, store.MeasureItem{Item: strconv.Itoa(i), Score: 3})
	}
	if _, err := s.SaveMeasure(context.Background(), odi); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlan(context.Background(), store.Plan{ClientID: c.ID, Start: day, PlannedVisits: 8, ReassessVisits: 3,
		Measures: []store.MeasureKind{store.ODI}}); err != nil {
		t.Fatal(err)
	}
	return c
}

// Two clients of one name, both due for re-assessment, are told apart in
// the list of who is due by their dates of birth.
func TestTheDueListTellsSameNameClientsApart(t *testing.T) {
	s := desktest.OpenStore(t)
	dueClient(t, s, time.Date(1975, 5, 2, 0, 0, 0, 0, time.Local))
	dueClient(t, s, time.Date(1988, 1, 9, 0, 0, 0, 0, time.Local))
	d := newTestDesk(t, s, Options{})
	names := d.view.Due.Rows()
	if len(names) != 2 || names[0] == names[1] {
		t.Fatalf("the due list reads %q: two same-name clients not told apart", names)
	}
	for _, n := range names {
		if !strings.Contains(n, "born") {
			t.Errorf("%q does not say which Marta Nowak", n)
		}
	}
}

// The plan's grey hints read as examples, not as values typed, and its
// counts' boxes have room for the number and the hint.
func TestThePlansHintsAreExamplesInBoxesWideEnough(t *testing.T) {
	d, _, _ := deskWithClient(t)
	tap(d, d.view.Header.Plan)
	p := d.view.PlanDialog
	if p == nil {
		t.Fatal("Plan… opened nothing")
	}
	for name, e := range map[string]*kit.Entry{"planned visits": p.Visits, "frequency": p.Frequency,
		"visits between": p.ReassessVisits, "weeks between": p.ReassessWeeks} {
		if !strings.HasPrefix(e.PlaceHolder, "e.g. ") {
			t.Errorf("the %s hint %q reads as a value", name, e.PlaceHolder)
		}
		needs := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		if e.Size().Width < needs {
			t.Errorf("the %s box is %v wide, its hint needs %v", name, e.Size().Width, needs)
		}
	}
	if w := p.ReassessWeeks.Size().Width; w < 70 {
		t.Errorf("the weeks box is %v wide", w)
	}
}

// A long entry in the record's history wraps inside a row as tall as it
// needs: it does not run into the next row, nor the separator through it.
func TestTheRecordHistorysWrappedRowsKeepToTheirOwnRows(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak-Świątek-Łukasiewicz"})
	for i := range 3 {
		sess := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 3+i, 9, 0, 0, 0, time.Local)})
		if _, err := s.SignSession(context.Background(), sess.ID, "Anna Keller, LMT, CMTPT, Registered Massage Therapist and Manual Lymph Drainage Practitioner"); err != nil {
			t.Fatal(err)
		}
	}
	d := newTestDesk(t, s, Options{})
	resizeWindow(d, 1024, 700)
	pick(t, d, c.ID)
	h := recordkeeping.NewRecordHistory(d.window, recordkeeping.RecordOf(s), d.tasks, d.view.Client())
	act(d, h.Show)
	act(d, func() { h.List.Refresh() })
	drv := fyne.CurrentApp().Driver()
	var rows []*widget.Label
	desktest.EachObject(h.List, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" && l.Visible() {
			rows = append(rows, l)
		}
	})
	if len(rows) < 3 {
		t.Fatalf("%d rows drawn", len(rows))
	}
	wrapped := 0
	for i, l := range rows {
		if l.MinSize().Height > l.Size().Height+1 {
			t.Errorf("row %q is %v high, its wrapped text needs %v", l.Text, l.Size().Height, l.MinSize().Height)
		}
		if l.MinSize().Height > 2*theme.TextSize()+2*theme.InnerPadding() {
			wrapped++
		}
		if i > 0 {
			prev := rows[i-1]
			if bottom := drv.AbsolutePositionForObject(prev).Y + prev.MinSize().Height; drv.AbsolutePositionForObject(l).Y+1 < bottom {
				t.Errorf("row %q starts inside the one above it", l.Text)
			}
		}
	}
	if wrapped == 0 {
		t.Error("no entry wraps: the test shows nothing")
	}
}

// A search of the notes lists each client with the words that matched,
// accents and case aside: the therapist sees why the client is there.
func TestANotesSearchShowsTheWordsThatMatched(t *testing.T) {
	s := desktest.OpenStore(t)
	jonas := desktest.AddClient(t, s, store.Client{FirstName: "Jonas", LastName: "Petrauskas"})
	lena := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer", MedicalHistory: "Disc herniation 2019, treated without surgery"})
	desktest.AddSession(t, s, store.Session{ClientID: jonas.ID, Start: desktest.Now.AddDate(0, 0, -9),
		Notes: store.SOAP{Subjective: "Lifted a heavy box at work last Monday and since then the Sciatica runs down the left leg to the knee when sitting"}})
	desktest.AddSession(t, s, store.Session{ClientID: jonas.ID, Start: desktest.Now.AddDate(0, 0, -2), Notes: store.SOAP{Subjective: "Better"}})
	d := newTestDesk(t, s, Options{})
	l := d.list
	act(d, func() { l.In.SetSelected(clientview.SearchNotes) })
	for _, tc := range []struct {
		typed string
		who   int64
		words string
	}{
		{"sciática", jonas.ID, "“…and since then the Sciatica runs down the left leg to the knee…”"},
		{"herniation", lena.ID, "“Disc herniation 2019, treated without surgery”"},
	} {
		typeInto(d, l.Search, tc.typed)
		rows := l.Rows()
		if len(rows) != 1 || rows[0].ID != tc.who {
			t.Fatalf("notes search for %q = %v", tc.typed, rows)
		}
		var shown []string
		desktest.EachObject(l.List, func(o fyne.CanvasObject) {
			if r, ok := o.(*clientview.ClientRow); ok && r.Visible() && r.Name.Text != "" {
				shown = append(shown, r.Visit.Seg.Text)
			}
		})
		if len(shown) == 0 || shown[0] != tc.words {
			t.Errorf("the row for %q reads %q, want %q", tc.typed, shown, tc.words)
		}
	}
}

// Two clients of one name, each with many visits, are told apart in the
// list on a line that is not cut: who they are, their last visit.
func TestSameNameRowsAreNotCut(t *testing.T) {
	s := desktest.OpenStore(t)
	for _, born := range []int{1981, 1994} {
		c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Lindqvist", DateOfBirth: time.Date(born, 9, 21, 0, 0, 0, 0, time.Local)})
		for i := range 23 {
			desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -7*(i+1)), PainBefore: store.PainOf(6), PainAfter: store.PainOf(6)})
		}
	}
	d := newTestDesk(t, s, Options{})
	resizeWindow(d, 1024, 700)
	var seen int
	desktest.EachObject(d.list.List, func(o fyne.CanvasObject) {
		r, ok := o.(*clientview.ClientRow)
		if !ok || !r.Visible() || r.Name.Text == "" {
			return
		}
		seen++
		text := r.Visit.Seg.Text
		needs := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		if !strings.Contains(text, "born 21 Sep") || needs > r.Visit.Size().Width+1 {
			t.Errorf("the row reads %q in %v of the %v it needs", text, r.Visit.Size().Width, needs)
		}
	})
	if seen != 2 {
		t.Errorf("%d rows drawn", seen)
	}
}

// A practice of years has hundreds of clients due for re-assessment: the
// list of them scrolls under the start's hints, and the window stays the
// size of the screen (a box of buttons that grew the window made it 31,816
// pixels tall for 2,000 clients, and the desk's memory twice the bare
// window's). A row opens its client.
func TestManyClientsDueScrollAndTheWindowKeepsItsSize(t *testing.T) {
	s := desktest.OpenStore(t)
	var last store.Client
	for i := range 40 {
		last = dueClient(t, s, time.Date(1950+i, 5, 2, 0, 0, 0, 0, time.Local))
	}
	d := newTestDesk(t, s, Options{})
	if n := len(d.view.Due.Rows()); n != 40 {
		t.Fatalf("the due list has %d rows, want 40", n)
	}
	if title := d.view.Due.Title.Text; title != "Re-assessment due at the next visit: 40 clients" || !d.view.Due.Title.Visible() {
		t.Errorf("the due list's title reads %q (shown: %v)", title, d.view.Due.Title.Visible())
	}
	if h := d.window.Content().MinSize().Height; h > 600 {
		t.Errorf("the start asks the window for %.0f pixels of height with 40 clients due; a screen has 800", h)
	}
	rows := d.view.Due.Rows()
	want := kit.NameWithDetail(last)
	at := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, want+"  ·  ") })
	if at < 0 {
		t.Fatalf("no row for %s in %q", want, rows)
	}
	act(d, func() { d.view.Due.List.Select(at) })
	if d.view.Client().ID != last.ID {
		t.Errorf("the row for %s opened client %d", want, d.view.Client().ID)
	}
	// the same row again opens the client again: a row is not a choice kept
	act(d, func() { d.view.Clear() })
	act(d, func() { d.view.RefreshDue() })
	act(d, func() { d.view.Due.List.Select(at) })
	if d.view.Client().ID != last.ID {
		t.Errorf("the same row a second time opened client %d", d.view.Client().ID)
	}
	// records with nobody due: no title, no empty list to Tab into
	act(d, func() { d.view.Clear() })
	if d.view.Due.Content.Visible() || len(d.view.Due.Rows()) != 0 {
		t.Errorf("with nobody due the list shows (%d rows)", len(d.view.Due.Rows()))
	}
}
