package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

// Over a note being written the emergency band keeps to two lines at
// most, still naming the level, the finding and "Do not treat", and every
// word of what to tell the client is one press away; on the client's page
// the band says it all.
func TestTheEmergencyBandOverANoteKeepsToTwoLines(t *testing.T) {
	for _, size := range screens {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			s := desktest.OpenStore(t)
			c := desktest.AddClient(t, s, store.Client{FirstName: "Ewa", LastName: "Lis"})
			desktest.ConsentTo(t, s, c, store.GeneralAreas...)
			if _, err := s.SaveScreen(context.Background(), c.ID, store.RedFlagScreen{On: day(2026, 11, 24),
				Answers: map[store.RedFlag]store.Answer{store.SaddleNumbness: store.Yes("since Sunday")}}); err != nil {
				t.Fatal(err)
			}
			d := newTestDesk(t, s, Options{})
			pick(t, d, c.ID)
			h := d.view.Header
			full := store.EmergencyReferral.Action()
			desktest.MustContain(t, "the band on the client's page", h.ReferText.String(), full)

			// when the therapist starts a note
			press(t, d, shortcutNewSession)
			resizeWindow(d, size.Width, size.Height)

			// then the band is at most two lines of text high
			line := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{Bold: true}).Height + theme.LineSpacing()
			if got, most := h.ReferText.Size().Height, 2*line+2*theme.InnerPadding(); got > most {
				t.Errorf("the band's words are %v high, more than two lines (%v)", got, most)
			}
			if got, most := h.Refer.Size().Height, 2*line+2*theme.InnerPadding()+2*theme.Padding(); got > most {
				t.Errorf("the band is %v high, more than two lines (%v)", got, most)
			}
			desktest.MustContain(t, "the band over the note", h.ReferText.String(),
				"EMERGENCY: SAME-DAY REFERRAL", "saddle numbness (since Sunday)", "cauda equina", "Do not treat")

			// and its words are a press away, and fold again
			tap(d, h.ReferWords)
			desktest.MustContain(t, "the band unfolded", h.ReferText.String(), full)
			tap(d, h.ReferWords)
			if got := h.ReferText.String(); len(got) >= len(full) {
				t.Errorf("folded again, the band reads %q", got)
			}
		})
	}
}
