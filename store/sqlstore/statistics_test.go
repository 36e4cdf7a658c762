package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"backtrack/store/demo"
	"backtrack/store/testkit"
)

// A practice moved or imported onto a server is planned from its first
// click: the bulk write's transaction is followed by the planner's
// statistics, where the server's own autovacuum would take its time
// (until then opening a long-term client scanned whole tables). A desk's
// single save does not pay for it.
func TestABulkWriteOnAServerLeavesThePlannerItsStatistics(t *testing.T) {
	testkit.PostgresOnly(t)
	ctx := context.Background()
	s := testkit.OpenStore(t)
	db := rawDB(t, s)
	analyzed := func() int {
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM pg_stats WHERE schemaname = current_schema()
			AND tablename IN ('sessions', 'session_tags', 'clients')`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := analyzed(); n != 0 {
		t.Fatalf("the new record already has %d columns' statistics", n)
	}
	sum, err := demo.Fill(ctx, s, demo.Options{Clients: 40, Sessions: 500, Seed: 2,
		Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	if n := analyzed(); n == 0 {
		t.Fatalf("after writing %d clients and %d sessions at once, the planner has no statistics of them", sum.Clients, sum.Sessions)
	}
}
