package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/sessionform"
)

// prescribe types into the home programme's field and presses Enter, as
// a therapist adds a tag.
func prescribe(t *testing.T, d *Desk, typed string) {
	t.Helper()
	f := d.view.Form
	act(d, func() { d.window.Canvas().Focus(f.Programme.Find) })
	typeInto(d, f.Programme.Find, typed)
	pressKey(d, fyne.KeyReturn)
}

func TestAHomeProgrammeIsPrescribedAsTagsAreWarnedByTheIntakeAndCopiedToTheNextVisit(t *testing.T) {
	ctx := context.Background()
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Marta", LastName: "Nowak"})
	desktest.ConsentTo(t, s, c, append(store.GeneralAreas, store.AreaGluteal)...)
	in := store.Intake{Date: desktest.Now.AddDate(0, 0, -30), Conditions: map[store.Condition]store.Answer{store.Osteoporosis: store.Yes("2021")}}
	if err := s.SaveIntake(ctx, c.ID, in, store.TypedAlerts{}, nil); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, s, Options{})
	pick(t, d, c.ID)
	press(t, d, shortcutNewSession)
	f := d.view.Form
	typeInto(d, f.PainBefore.Number, "5")

	// the initials, then a few letters: each Enter adds one with its dose
	prescribe(t, d, "ktc")
	prescribe(t, d, "clam")
	prescribe(t, d, "Walk to work")
	rows := f.Programme.Rows
	if len(rows) != 3 || rows[0].Name.Text != "Knee to chest" || rows[1].Name.Text != "Clamshell" || rows[2].Name.Text != "Walk to work" {
		t.Fatalf("rows %v", rowNames(f.Programme.Rows))
	}
	if f.Programme.Find.Text != "" || rows[1].Reps.Text != "12" || rows[1].Sets.Text != "2" {
		t.Errorf("after Enter: field %q, clamshell dose %s×%s", f.Programme.Find.Text, rows[1].Reps.Text, rows[1].Sets.Text)
	}
	// the intake advises against loaded flexion with osteoporosis: said where it is prescribed
	if !rows[0].Caution.Visible() || !strings.Contains(rows[0].Caution.Text, "Osteoporosis: Knee to chest bends the spine forward") {
		t.Errorf("knee to chest's caution %q", rows[0].Caution.Text)
	}
	if rows[1].Caution.Visible() {
		t.Errorf("the clamshell warned: %q", rows[1].Caution.Text)
	}
	// the muscles treated suggest exercises
	tick(t, d, store.Muscle, "Quadratus lumborum", store.Left)
	if !f.Programme.Suggest.Visible() || !strings.Contains(f.Programme.Suggest.Text(), "Side-bend stretch (quadratus lumborum)") {
		t.Errorf("suggestions for QL: %q", f.Programme.Suggest.Text())
	}
	// Enter in the empty field adds the first suggestion
	prescribe(t, d, "")
	if last := f.Programme.Rows[len(f.Programme.Rows)-1]; !strings.HasPrefix(last.Name.Text, "Side-bend stretch") {
		t.Errorf("Enter in the empty field added %q", last.Name.Text)
	}
	rows = f.Programme.Rows
	typeInto(d, rows[1].Reps, "15")
	press(t, d, shortcutSave)
	if d.view.Mode() != clientview.ModeOverview {
		t.Fatalf("not saved: %q", f.Problems.Summary.Text)
	}
	hist, _ := s.ClientHistory(ctx, c.ID, store.Period{})
	got := hist[0].Programme
	if len(got) != 4 || got[0].Exercise != "knee-to-chest" || got[1].Dose != (store.Dose{Reps: 15, Sets: 2, PerDay: 1}) || got[2].Name != "Walk to work" {
		t.Fatalf("saved programme %+v", got)
	}

	// next visit: copy from the last session brings the programme; adherence is one quick field
	press(t, d, shortcutNewSession)
	f = d.view.Form
	tap(d, f.Copy)
	if len(f.Programme.Rows) != 4 || f.Programme.Rows[1].Reps.Text != "15" {
		t.Fatalf("copied %v", rowNames(f.Programme.Rows))
	}
	act(d, func() { f.Programme.Level.SetSelectedIndex(2) }) // some of it
	typeInto(d, f.Programme.Hard, "Clamshell")
	act(d, func() { f.Programme.Rows[0].Remove.Tapped(nil) })
	typeInto(d, f.Programme.Rows[0].Hold, "ten")
	press(t, d, shortcutSave)
	if !strings.Contains(f.Programme.Error.Text, `Clamshell: hold "ten" is not a whole number`) {
		t.Fatalf("a dose in words: %q", f.Programme.Error.Text)
	}
	typeInto(d, f.Programme.Rows[0].Hold, "")
	press(t, d, shortcutSave)
	hist, _ = s.ClientHistory(ctx, c.ID, store.Period{})
	if len(hist) != 2 || len(hist[0].Programme) != 3 || hist[0].Adherence != (store.Adherence{Level: store.DidSome, Hard: "Clamshell"}) {
		t.Fatalf("second visit %+v %+v", hist[0].Programme, hist[0].Adherence)
	}
	// and the note shows both
	act(d, func() { d.view.History.List.Select(0) })
	desktest.MustContain(t, "the note", d.view.Detail.Text(),
		"Home programme: Clamshell: 15 times · 2 sets · once a day\nWalk to work: once a day\nSide-bend stretch",
		"Last programme: Did some of it; hard: Clamshell")
}

func rowNames(rows []*sessionform.PrescriptionRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Name.Text)
	}
	return out
}
