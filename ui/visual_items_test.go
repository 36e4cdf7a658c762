package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
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
