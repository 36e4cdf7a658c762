package cli_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
	"backtrack/ui/cli"
)

// The clients command lists what the desk's list shows, in its order, on
// either engine (testkit.OpenStore: a file, or the private server).
func TestClientsListsAsTheDeskDoes(t *testing.T) {
	ctx := context.Background()
	s := testkit.OpenStore(t)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 12, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	jose, err := s.CreateClient(ctx, store.Client{FirstName: "José", LastName: "Núñez", Phone: "+34 600 100 200"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, sqlstore.SaveRequest{Session: store.Session{ClientID: jose.ID, Start: time.Now().Add(-time.Hour).Truncate(time.Minute),
		DurationMin: 45, PainBefore: store.PainOf(6), PainAfter: store.PainOf(3)}}); err != nil {
		t.Fatal(err)
	}
	all, err := s.SearchClients(ctx, store.ClientQuery{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ArchiveClient(ctx, all[len(all)-1].ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		q    store.ClientQuery
	}{
		{nil, store.ClientQuery{}},
		{[]string{"--archived"}, store.ClientQuery{IncludeArchived: true}},
		{[]string{"--search", "jose"}, store.ClientQuery{Text: "jose"}},
		{[]string{"--search", "a", "--limit", "3"}, store.ClientQuery{Text: "a", Limit: 3}},
		{[]string{"--by", "name", "--archived"}, store.ClientQuery{Order: store.ByName, IncludeArchived: true}},
	} {
		want, err := s.SearchClients(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, cs := range want {
			lines = append(lines, cli.ClientLine(cs))
		}
		code, out, errOut := run(t, append([]string{"clients", "--db", s.Path()}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		if got := strings.TrimSuffix(out, "\n"); got != strings.Join(lines, "\n") {
			t.Errorf("%v:\n got %s\nwant %s", c.args, got, strings.Join(lines, "\n"))
		}
		if len(want) == 0 {
			t.Errorf("%v: nothing to compare", c.args)
		}
	}
	// the accent-insensitive search finds José with his last visit
	_, out, _ := run(t, "clients", "--db", s.Path(), "--search", "NUNEZ")
	if !strings.Contains(out, "José Núñez\t") || !strings.Contains(out, "pain 6→3\t1 visit") {
		t.Errorf("search NUNEZ: %q", out)
	}
}
