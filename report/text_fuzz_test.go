package report

import (
	"bytes"
	"testing"
	"time"
	"unicode/utf8"

	"backtrack/store"
)

// FuzzWriteAnyText: whatever a name or note holds (scripts the font lacks,
// emoji beyond the Basic Multilingual Plane, control characters, broken
// UTF-8), the report is written without error or panic, and the text it
// prints holds only characters the font has.
func FuzzWriteAnyText(f *testing.F) {
	for _, seed := range []string{"Zoë Ångström-Łukasiewicz", "Σοφία Наталья", "中文 👍🏽 e\u0301",
		"tab\tcr\r\nbell\a", "\xff\xfe broken", "\u200d\ufe0f\U0001F600", "(parens) \\ back"} {
		f.Add(seed)
	}
	day := time.Date(2026, 10, 1, 10, 0, 0, 0, time.Local)
	f.Fuzz(func(t *testing.T, text string) {
		out := printable(text)
		for _, r := range out {
			if r != '\n' && r != placeholder && fontOf(r) == noFont {
				t.Fatalf("printable(%q) kept %U, which the font lacks", text, r)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("printable(%q) is not valid UTF-8", text)
		}
		sess := store.Session{ID: 1, ClientID: 1, Start: day, DurationMin: 60,
			PainBefore: store.PainOf(6), PainAfter: store.PainOf(3), TriggerOther: text,
			Notes: store.SOAP{Subjective: text, Plan: text}, HomeCare: text,
			Muscles: []store.Tag{{Name: text, Side: store.Left}}}
		d := Assemble(store.Client{ID: 1, FirstName: text, LastName: text}, store.Period{},
			[]store.Session{sess}, []store.TrendPoint{{SessionID: 1, Start: day, Before: sess.PainBefore, After: sess.PainAfter}})
		var buf bytes.Buffer
		err := Write(&buf, d, Options{Practice: store.Practice{Name: text, Therapist: text}, Date: day})
		if err != nil {
			t.Fatalf("write with %q: %v", text, err)
		}
	})
}
