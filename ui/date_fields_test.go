package ui

import (
	"context"
	"testing"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// setDateLocale makes the POSIX locale that decides dates name locale.
func setDateLocale(t *testing.T, locale string) {
	t.Setenv("LC_ALL", locale)
	t.Setenv("LC_TIME", locale)
	t.Setenv("LANG", locale)
}

// The desk's date fields read one way: ISO and dotted dates everywhere,
// slashes in the order of the user's locale.
func TestTheDesksDateFieldsReadDatesOneWay(t *testing.T) {
	setDateLocale(t, "de_DE.UTF-8")
	d, s, c := deskWithClient(t)

	// the date of birth takes 14/03/1979 in a day-first locale
	tap(d, d.view.Header.Edit)
	f := d.clientForm
	if f == nil {
		t.Fatal("Edit opened no client form")
	}
	typeInto(d, f.DateOfBirth, "14/03/1979")
	tap(d, f.Save)
	if got, _ := s.Client(context.Background(), c.ID); got.DateOfBirth.Format(store.DateLayout) != "1979-03-14" {
		t.Fatalf("date of birth saved as %v (%q)", got.DateOfBirth, f.Problems.Fields["date_of_birth"].Text)
	}

	// the referral date takes a dotted date as the session date does
	if _, err := s.SaveScreen(context.Background(), c.ID, store.RedFlagScreen{On: day(2026, 11, 24),
		Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: store.Yes("since Sunday")}}); err != nil {
		t.Fatal(err)
	}
	act(d, d.view.Reload)
	tap(d, d.view.Header.ReferDone)
	e := d.view.ScreenDialog
	if e == nil {
		t.Fatal("Record what was done opened nothing")
	}
	typeInto(d, e.Fields.ReferredTo, "Dr Weber, GP")
	typeInto(d, e.Fields.ReferredOn.Entry, "25.11.2026")
	tap(d, e.Save)
	if h, _ := s.Health(context.Background(), c.ID); len(h.Screens) == 0 || h.Screens[0].ReferredOn.Format(store.DateLayout) != "2026-11-25" {
		t.Fatalf("referral not saved on 25.11.2026: %q %q", e.Errors["referral_date"].Text, e.Summary.Text)
	}

	// an impossible day is refused at its field, naming what was typed
	press(t, d, shortcutNewSession)
	form := d.view.Form
	typeInto(d, form.Date, "29.02.2026")
	tap(d, form.Save)
	desktest.MustContain(t, "session date", form.Problems.Fields["start"].Text, `Date "29.02.2026" is not a date: February 2026 has 28 days`)
}

// A US therapist's slashes read month first, as their system writes dates;
// dots stay day-first.
func TestAMonthFirstLocaleReadsSlashesMonthFirst(t *testing.T) {
	setDateLocale(t, "en_US.UTF-8")
	d, s, c := deskWithClient(t)
	tap(d, d.view.Header.Edit)
	f := d.clientForm
	typeInto(d, f.DateOfBirth, "14/03/1979")
	tap(d, f.Save)
	desktest.MustContain(t, "date of birth", f.Problems.Fields["date_of_birth"].Text,
		`Date of birth "14/03/1979" is not a date: there is no month 14 (read with the month first)`)
	typeInto(d, f.DateOfBirth, "3/14/1979")
	tap(d, f.Save)
	if got, _ := s.Client(context.Background(), c.ID); got.DateOfBirth.Format(store.DateLayout) != "1979-03-14" {
		t.Fatalf("date of birth saved as %v (%q)", got.DateOfBirth, f.Problems.Fields["date_of_birth"].Text)
	}

	press(t, d, shortcutNewSession)
	form := d.view.Form
	typeInto(d, form.Date, "25/11/2026")
	tap(d, form.Save)
	desktest.MustContain(t, "session date", form.Problems.Fields["start"].Text, "no month 25 (read with the month first)")
	typeInto(d, form.Date, "25.11.2026")
	tap(d, form.Save)
	if form.Problems.Fields["start"].Visible() && form.Problems.Fields["start"].Text != "" {
		t.Errorf("25.11.2026 refused in en_US: %q", form.Problems.Fields["start"].Text)
	}
}
