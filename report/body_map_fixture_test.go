package report_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"os"
	"regexp"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// mapStory saves n visits a fortnight apart ending on 20 Nov 2026 with body
// maps that tell a story: a tight left quadratus lumborum, sharp in the
// left lumbar region and easing, and gluteus medius referred pain down the
// back of the left thigh that is gone by the last visit.
func mapStory(tb testing.TB, s *sqlstore.Store, clientID int64, n int) []store.Session {
	tb.Helper()
	sharp := tag(tb, s, store.PainType, "Sharp / stabbing", store.NoSide)
	referred := tag(tb, s, store.PainType, "Referred pain", store.NoSide)
	ache := tag(tb, s, store.PainType, "Dull ache", store.NoSide)
	ql := tag(tb, s, store.Muscle, "Quadratus lumborum", store.Left)
	gmed := tag(tb, s, store.Muscle, "Gluteus medius", store.Left)
	own := tag(tb, s, store.Muscle, "Tensor fasciae latae", store.Left) // no outline on the figure
	last := day(2026, 11, 20).Add(10 * time.Hour)
	var out []store.Session
	for i := range n {
		left := n - 1 - i // visits still to come
		sess := store.Session{ClientID: clientID, Start: last.AddDate(0, 0, -14*left), DurationMin: 60,
			PainBefore: store.PainOf(3 + left*5/max(n, 1)), PainAfter: store.PainOf(2),
			Muscles: []store.Tag{ql, gmed, own},
			BodyMap: []store.BodyMark{{Region: "lumbar-l", PainType: sharp, Intensity: store.PainOf(3 + left*5/max(n, 1))}}}
		if left > 0 {
			sess.BodyMap = append(sess.BodyMap,
				store.BodyMark{Region: "gluteal-upper-l", PainType: referred, Intensity: store.PainOf(min(2+left, 10))},
				store.BodyMark{Region: "thigh-posterior-l", PainType: referred},
				store.BodyMark{Region: "sacral", PainType: ache, Intensity: store.PainOf(4)})
		}
		saved, err := s.Save(context.Background(), sqlstore.SaveRequest{Session: sess})
		if err != nil {
			tb.Fatalf("save visit %d: %v", i, err)
		}
		out = append(out, saved)
	}
	return out
}

// contentStreams inflates every compressed stream of a gofpdf file: the
// pages' drawing operators and the embedded fonts.
func contentStreams(tb testing.TB, path string) []string {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`).FindAllSubmatch(raw, -1) {
		z, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			out = append(out, string(m[1]))
			continue
		}
		b, _ := io.ReadAll(z)
		out = append(out, string(b))
	}
	return out
}
