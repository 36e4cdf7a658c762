package ui

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/recordkeeping"
)

func TestTheDeskOffersToSignDraftsOldestFirstWithTheTherapistsName(t *testing.T) {
	// Given a client with two draft notes and one signed
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	older := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 3, 9, 0, 0, 0, time.Local),
		Notes: store.SOAP{Subjective: "Older draft"}})
	newer := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local),
		Notes: store.SOAP{Subjective: "Newer draft"}})
	signed := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 10, 9, 0, 0, 0, time.Local)})
	if _, err := s.SignSession(context.Background(), signed.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	if !d.records.Unsigned.Visible() || d.records.Unsigned.Text != "2 notes to sign" {
		t.Fatalf("unsigned button %q visible=%v", d.records.Unsigned.Text, d.records.Unsigned.Visible())
	}

	// When Settings do not name the therapist, signing asks for the name first
	act(d, func() { test.Tap(d.records.Unsigned) })
	if got := desktest.ShownText(d.window); !strings.Contains(got, "carries the therapist's name") {
		t.Fatalf("without a name: %q", got)
	}
	act(d, func() {
		d.window.Canvas().Overlays().Top().Hide()
		d.window.Canvas().Overlays().Remove(d.window.Canvas().Overlays().Top())
	})

	// When the name is there, the oldest draft is offered first and signed
	d.app.Preferences().SetString(settings.KeyTherapist, "Anna Keller")
	d.app.Preferences().SetString(settings.KeyCredentials, "LMT")
	act(d, func() { test.Tap(d.records.Unsigned) })
	if got := desktest.ShownText(d.window); !strings.Contains(got, "Older draft") {
		t.Fatalf("first offered: %q", got)
	}
	sign := desktest.FindButton(d.window.Canvas().Overlays().Top(), "Sign as Anna Keller, LMT")
	if sign == nil {
		t.Fatal("no Sign button")
	}
	act(d, func() { test.Tap(sign) })
	if got, _ := s.Session(context.Background(), older.ID); got.SignedBy != "Anna Keller, LMT" {
		t.Errorf("the older draft: %+v", got)
	}
	if got := desktest.ShownText(d.window); !strings.Contains(got, "Newer draft") {
		t.Errorf("then offered: %q", got)
	}
	if got, _ := s.Session(context.Background(), newer.ID); got.Signed() {
		t.Error("the newer draft was signed without being asked")
	}
}

func TestTheRecordHistoryListsAClientsChangesNewestFirst(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	sess := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 3, 9, 0, 0, 0, time.Local)})
	if _, err := s.SignSession(context.Background(), sess.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	h := recordkeeping.NewRecordHistory(d.window, recordkeeping.RecordOf(s), d.tasks, d.view.Client())
	act(d, h.Show)
	if len(h.Entries) != 3 || !strings.HasPrefix(h.Entries[0], "25 Nov 2026 15:00 · Note signed · Marta Nowak, visit of 2026-11-03 09:00") ||
		!strings.Contains(h.Entries[2], "Client added · Marta Nowak") {
		t.Errorf("history:\n%s", strings.Join(h.Entries, "\n"))
	}
}

func TestTheDaysCheckWarnsOfAChangeMadeOutsideBacktrack(t *testing.T) {
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 3, 9, 0, 0, 0, time.Local)})
	d := newTestDesk(t, s, Options{})
	act(d, d.checkRecord)
	if d.records.banner.Visible() {
		t.Fatalf("a record Backtrack wrote raised the warning: %v", d.records.problems)
	}
	raw, err := sql.Open("sqlite", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE clients SET contraindications = 'none' WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	d.app.Preferences().SetString(prefRecordChecked, "")
	act(d, d.checkRecord)
	if !d.records.banner.Visible() || !strings.Contains(d.records.Notice.Text, "1 change made outside Backtrack") ||
		!strings.Contains(strings.Join(d.records.problems, "\n"), "Marta Nowak") {
		t.Errorf("after a hand edit: visible=%v %q %v", d.records.banner.Visible(), d.records.Notice.Text, d.records.problems)
	}
}
