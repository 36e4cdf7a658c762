package report_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/sqlstore"
)

// The report's drawing is made faster without a byte of the file moving:
// the digest below is the file the plain drawing (gofpdf's Text for every
// line, every cell measured afresh) wrote for this record. The record is
// the benchmark's 300 visits, with a note that mixes Chinese into the
// Latin, a signed and amended visit and a draft, so the table's every
// path is in it. A change that means to change the page records the new
// digest here, once its pages have been read back (pdftotext) and looked
// at; the dates are fixed, so the bytes depend on nothing else.
const report300Digest = "a155568afe212ec5aaebff144feeccafb637081fda803da191def3baea3fca29"

func TestTheReportOf300VisitsIsTheRecordedFile(t *testing.T) {
	// The report prints times in the local zone, the record's fingerprint
	// hashes them and the file's dates carry the zone's offset: the
	// recorded file is the one written where local time is UTC, as on the
	// project's machine and its CI.
	for _, month := range []time.Month{time.January, time.July} {
		if name, offset := time.Date(2026, month, 1, 0, 0, 0, 0, time.Local).Zone(); offset != 0 {
			t.Skipf("the recorded file was written in UTC; local time here is %s", name)
		}
	}
	ctx := context.Background()
	s := openStore(t)
	c := createClient(t, s, "Zoë", "Ångström-Łukasiewicz", day(1975, 5, 2))
	manyVisits(t, s, c.ID, 300)
	mixed := saveVisit(t, s, c.ID, visit{at: day(2026, 11, 21), before: 6, after: 4,
		note: "腰痛 6/10, 久坐后加重 (after long sitting); デスクワークで腰が痛い; 허리 통증이 줄었습니다 after 3 visits.",
		plan: "继续拉伸 twice a day.", muscles: map[string]store.Side{"Quadratus lumborum": store.Left}})
	if _, err := s.SignSession(ctx, mixed.ID, "Anna Keller, LMT"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Session(ctx, mixed.ID)
	if err != nil {
		t.Fatal(err)
	}
	got.PainAfter = store.PainOf(3)
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: got, Amend: true, Reason: "Pain after misread from the scale", By: "Anna Keller, LMT"}); err != nil {
		t.Fatal(err)
	}
	for i, note := range []string{`Eased at L3 (left) \ tender at L4 (right); "better".`, `Again (left) \ (right): easier mornings (a draft).`} {
		saveVisit(t, s, c.ID, visit{at: day(2026, 11, 23+i), before: 4, after: 2, note: note})
	}
	d, err := report.Load(ctx, s, c.ID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}

	// the audit chain's hash covers the moment each entry was written
	d.Head = store.LogHead{Seq: d.Head.Seq, Hash: "3f9a2c1d5e7b90a4"}
	var b bytes.Buffer
	if err := report.Write(&b, d, defaultOptions()); err != nil {
		t.Fatal(err)
	}
	if digest := fmt.Sprintf("%x", sha256.Sum256(b.Bytes())); digest != report300Digest {
		t.Errorf("the report of 300 visits is not the recorded file: sha256 %s, recorded %s", digest, report300Digest)
	}
}
