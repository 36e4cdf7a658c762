package interchange_test

import (
	"backtrack/store/sqlstore"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/testkit"
)

func TestJSONExportCarriesAuthorAndPrivate(t *testing.T) {
	ctx := context.Background()
	src := testkit.OpenStore(t, fixedNow)
	c := mustClient(t, src, "Marta", "Nowak")
	private, err := src.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60, Private: true, Author: "Anna Keller",
		Start: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Notes: store.SOAP{Subjective: "only for Anna"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: c.ID, DurationMin: 60,
		Start: time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC), Notes: store.SOAP{Subjective: "for everyone"}}}); err != nil {
		t.Fatal(err)
	}
	// given the export's JSON
	exported, err := interchange.Read(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(exported)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"private":true`) || !strings.Contains(string(data), `"author":"`+private.Author+`"`) {
		t.Fatalf("the export does not carry the note's author %q and private", private.Author)
	}
	// when it is imported into an empty record
	dst := testkit.OpenStore(t, fixedNow)
	if sum, err := interchange.ImportJSON(ctx, dst, bytes.NewReader(data), interchange.ImportOptions{}); err != nil || sum.SessionsAdded != 2 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	// then the note is private to the same author, and the other is not
	got, err := dst.SessionByUID(ctx, private.UID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Private || got.Author != private.Author {
		t.Errorf("imported note: private %v, author %q; want private, %q", got.Private, got.Author, private.Author)
	}
	history, err := dst.ClientHistory(ctx, got.ClientID, store.Period{})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range history {
		if h.UID != private.UID && h.Private {
			t.Errorf("the shared note came back private")
		}
	}
}
