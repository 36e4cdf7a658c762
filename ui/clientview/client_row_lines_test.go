package clientview

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"backtrack/store"
)

// shownText is what a line draws: its text as cut for its width.
func shownText(line fyne.Widget) string {
	var out []string
	for _, o := range test.WidgetRenderer(line).Objects() {
		switch o := o.(type) {
		case *canvas.Text:
			if o.Visible() {
				out = append(out, o.Text)
			}
		case fyne.Widget: // a label's text is drawn by its rich text
			out = append(out, shownText(o))
		}
	}
	return strings.Join(out, "")
}

// A row's lines are cut with "…" when, and only when, they do not fit its
// width, as it is filled and as it is made narrower or wider.
func TestARowsLinesAreCutOnlyWhenTheyDoNotFit(t *testing.T) {
	test.NewTempApp(t)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.Local)
	r := NewClientRow().(*ClientRow)
	test.NewTempWindow(t, r)
	narrow := fyne.NewSize(260, r.MinSize().Height)
	r.Resize(narrow)

	short := store.ClientSummary{Client: store.Client{FirstName: "Ann", LastName: "Lee"}, Snippet: "calf cramps"}
	r.show(short, now, false, false)
	if got := shownText(r.Name) + " | " + shownText(r.Visit); got != "Ann Lee | “calf cramps”" {
		t.Errorf("short lines read %q", got)
	}

	long := store.ClientSummary{Client: store.Client{FirstName: "Maximiliane Charlotte", LastName: "Wittelsbach-Hohenzollern"},
		Snippet: "…the left leg, like sciatica, after the long drive to the coast and back…"}
	r.show(long, now, false, false)
	cut := func(what string, line fyne.Widget, whole string) {
		t.Helper()
		if got := shownText(line); !strings.HasSuffix(got, "…") || len(got) >= len(whole) {
			t.Errorf("%s at %v reads %q: not cut", what, r.Size().Width, got)
		}
	}
	cut("the long name", r.Name, long.FullName())
	cut("the long snippet", r.Visit, "“"+long.Snippet+"”")

	r.Resize(fyne.NewSize(2000, narrow.Height))
	if got := shownText(r.Name) + " | " + shownText(r.Visit); got != long.FullName()+" | “"+long.Snippet+"”" {
		t.Errorf("made wide, the row reads %q", got)
	}
	r.show(long, now, false, false) // filled while wide: shown whole
	r.Resize(narrow)
	cut("the long name made narrow again", r.Name, long.FullName())
	cut("the long snippet made narrow again", r.Visit, "“"+long.Snippet+"”")

	r.show(short, now, false, false)
	if got := shownText(r.Name) + " | " + shownText(r.Visit); got != "Ann Lee | “calf cramps”" {
		t.Errorf("short lines after long ones read %q", got)
	}
}
