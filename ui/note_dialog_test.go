package ui

import (
	"strings"
	"testing"

	"backtrack/store"
	"backtrack/ui/internal/desktest"
)

func TestTheNoteViewOffersItsPDF(t *testing.T) {
	d, s, c := deskWithClient(t)
	desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.AddDate(0, 0, -3), PainBefore: store.PainOf(6)})
	act(d, func() { d.view.Reload() })
	act(d, func() { d.view.History.List.Select(0) })
	tap(d, d.view.Detail.PDF)
	if !strings.Contains(desktest.ShownText(d.window), "Visit") {
		t.Errorf("PDF… opened %q, want the visit note dialog", desktest.ShownText(d.window))
	}
}
