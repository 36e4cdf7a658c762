package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
)

func named(d *Desk) {
	d.app.Preferences().SetString(settings.KeyTherapist, "Anna Keller")
	d.app.Preferences().SetString(settings.KeyCredentials, "LMT")
}

func TestSaveAndSignRecordsANoteSignedWithTheTherapistsName(t *testing.T) {
	d, s, c := deskWithClient(t)
	named(d)
	press(t, d, shortcutNewSession)
	typeInto(d, d.view.Form.Subjective, "Stiff after gardening")
	press(t, d, shortcutSign) // Ctrl+Shift+S: Save and sign
	hist, err := s.ClientHistory(context.Background(), c.ID, store.Period{})
	if err != nil || len(hist) != 1 || hist[0].SignedBy != "Anna Keller, LMT" {
		t.Fatalf("history: %+v %v", hist, err)
	}
}

func TestSigningWithoutANameInSettingsSaysSoAtTheForm(t *testing.T) {
	d, s, c := deskWithClient(t)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.Subjective, "Stiff after gardening")
	tap(d, f.SaveSign)
	if !strings.Contains(f.Problems.Summary.Text, "Add your name in Settings") {
		t.Errorf("summary %q", f.Problems.Summary.Text)
	}
	if hist, _ := s.ClientHistory(context.Background(), c.ID, store.Period{}); len(hist) != 0 {
		t.Errorf("saved without a name: %+v", hist)
	}
	// once the name is in Settings the form no longer asks for it
	act(d, d.showSettings)
	typeInto(d, d.settings.Therapist, "Anna Keller")
	tap(d, d.settings.Save)
	if strings.Contains(f.Problems.Summary.Text, "Add your name") {
		t.Errorf("after the name was set the form still says %q", f.Problems.Summary.Text)
	}
}

func TestTheNoteViewSignsADraftAndAmendsASignedNoteWithAReason(t *testing.T) {
	d, s, c := deskWithClient(t)
	named(d)
	draft := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local),
		PainBefore: store.PainOf(6), Notes: store.SOAP{Plan: "Weekly"}})
	act(d, func() { d.view.Reload() })
	act(d, func() { d.view.OpenSession(draft.ID) })
	det := d.view.Detail
	if !det.Sign.Visible() || !det.Delete.Visible() || det.Void.Visible() || det.State.Text != "Draft: not signed yet." {
		t.Fatalf("a draft's note view: sign=%v discard=%v void=%v %q", det.Sign.Visible(), det.Delete.Visible(), det.Void.Visible(), det.State.Text)
	}
	// Sign: the note is signed and shown again, read-only but for Amend
	tap(d, det.Sign)
	if got, _ := s.Session(context.Background(), draft.ID); got.SignedBy != "Anna Keller, LMT" {
		t.Fatalf("after Sign: %+v", got)
	}
	if d.view.Mode() != clientview.ModeDetail || det.Sign.Visible() || det.Delete.Visible() || !det.Void.Visible() || det.Edit.Text != "Amend…" ||
		!strings.HasPrefix(det.State.Text, "Signed by Anna Keller, LMT") {
		t.Fatalf("a signed note's view: mode=%v edit=%q %q", d.view.Mode(), det.Edit.Text, det.State.Text)
	}
	// Amend without a reason: refused at the reason
	tap(d, det.Edit)
	f := d.view.Form
	if f == nil || !f.Amending() || f.SaveSign.Visible() {
		t.Fatal("Amend… did not open the form in amendment mode")
	}
	act(d, func() { f.Plan.SetText("Every two weeks") })
	press(t, d, shortcutSave)
	if f.Problems.Fields["reason"].Label.Text == "" {
		t.Fatal("an amendment without a reason was not stopped at the reason")
	}
	// With the reason it lands, and the original is one click away
	typeInto(d, f.Reason, "Plan agreed by phone")
	press(t, d, shortcutSave)
	got, _ := s.Session(context.Background(), draft.ID)
	if len(got.Amendments) != 1 || got.Notes.Plan != "Every two weeks" || got.Original().Notes.Plan != "Weekly" {
		t.Fatalf("after the amendment: %+v", got)
	}
	act(d, func() { d.view.OpenSession(draft.ID) })
	if !strings.Contains(det.Amended.Text, "Plan agreed by phone") || !det.Original.Visible() {
		t.Errorf("amendment mark %q", det.Amended.Text)
	}
	act(d, func() { det.Original.SetChecked(true) })
	if !strings.Contains(det.Text(), "Plan: Weekly") {
		t.Errorf("the original reads:\n%s", det.Text())
	}
}
