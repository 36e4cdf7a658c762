package store_test

import (
	"testing"
	"time"

	"backtrack/store"
)

// The hashes a ten-year record carries were written by the code of their
// day: however the hashing is made faster, a note, an audit entry and a
// measure must hash to exactly these values (computed by the first,
// plainest implementation), or every seal in every practice would break.
// The note is as rich as a note gets: signed, amended twice, voided, with
// tags of every kind in no particular order, body marks, and Unicode
// (accents, CJK, an emoji, a separator-like character) in its words.
func richNote() store.Session {
	at := func(d, h int) time.Time { return time.Date(2024, 3, d, h, 17, 9, 0, time.Local) }
	tag := func(name string, side store.Side) store.Tag { return store.Tag{TermID: 7, Name: name, Side: side} }
	before := store.Session{UID: "5b1c-prev", Start: time.Date(2024, 3, 2, 9, 30, 0, 0, time.Local), DurationMin: 60,
		PainBefore: store.PainOf(7), PainAfter: store.Pain{},
		PainTypes: []store.Tag{tag("Sharp / stabbing", store.NoSide), tag("Ache", store.NoSide)},
		Muscles:   []store.Tag{tag("Gluteus médius", store.Right), tag("Trapèze", store.Left)},
		Notes:     store.SOAP{Subjective: "Zoë: « ça tire » — 腰痛", Plan: "Retour 2 sem."},
	}
	s := before
	s.UID = "5b1c-note"
	s.PainAfter = store.PainOf(0)
	s.Triggers = []store.Tag{tag("Lifting", store.NoSide), tag("Desk work", store.NoSide)}
	s.TriggerOther = "Gärtnern 🌱\x1fnot a field"
	s.Techniques = []store.Tag{tag("Trigger point", store.Both), tag("Effleurage", store.NoSide)}
	s.BodyMap = []store.BodyMark{
		{Region: "lumbar-r", PainType: tag("Sharp / stabbing", store.NoSide), Intensity: store.PainOf(8)},
		{Region: "neck", Intensity: store.PainOf(3)},
		{Region: "gluteal-upper-l", PainType: tag("Ache", store.NoSide)},
	}
	s.Notes.Objective = "Łukasiewicz test +\nline two"
	s.Notes.Assessment = "Ångström"
	s.HomeCare = "Stretch\t3×/day"
	s.SignedAt, s.SignedBy = at(2, 10), "Anna Keller, LMT"
	s.VoidedAt, s.VoidedBy, s.VoidReason = at(9, 8), "Anna Keller, LMT", "Entered in error: wrong client"
	s.Amendments = []store.Amendment{
		{At: at(3, 11), By: "Anna Keller, LMT", Reason: "pain after was missing", Changed: []string{"Pain after"}, Previous: before},
		{At: at(4, 12), By: "Jonas Öberg", Reason: "plan", Changed: []string{"Plan", "Home care"}, Previous: before},
	}
	return s
}

func TestHashesAreTheRecordsOwn(t *testing.T) {
	note := richNote()
	plain := richNote()
	plain.BodyMap, plain.Amendments, plain.VoidedAt, plain.VoidedBy, plain.VoidReason = nil, nil, time.Time{}, "", ""
	entry := store.AuditEntry{Seq: 41, At: time.Date(2024, 3, 2, 10, 0, 1, 0, time.Local), Actor: "Anna Keller, LMT",
		Action: store.Action("session.signed"), Record: "5b1c-note", Client: "c-1", Detail: "Signé — 署名",
		Content: "note/2:abc", Prev: "ffee"}
	measure := store.Measure{UID: "m-1", SessionUID: "5b1c-note", Kind: store.ODI,
		Taken: time.Date(2024, 3, 2, 0, 0, 0, 0, time.Local), Note: "Zoë",
		Items: []store.MeasureItem{{Item: "pain", Score: 3}, {Item: "lifting", Score: 0}}}
	for _, c := range []struct{ what, got, want string }{
		{"the rich note", store.NoteHash("c-1", note), "note/2:8a48fa7a0e86529256b4970fefeab4cd3b3f4f71ed2780ec738abc9353345c2b"},
		{"the note without a chart", store.NoteHash("c-1", plain), "note/1:0b16541d93e7b5be7d12ea557a95d42029acb120c3308c731bb0f17e93057a40"},
		{"the audit entry", entry.Seal(), "d6d8ea49fd299904562d20a3cbf9d401aaa46ce28304b8f8e2283d6427d7535c"},
		{"the measure", store.MeasureHash("c-1", measure), "measure/1:55b61e4d7a2cbdd85406e5d9ed770823f6c485b3bc20b3d524b6c909c2003c06"},
	} {
		if c.got != c.want {
			t.Errorf("%s hashes to %q, want %q", c.what, c.got, c.want)
		}
	}
}
