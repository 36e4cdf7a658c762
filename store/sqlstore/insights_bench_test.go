package sqlstore_test

import (
	"context"
	"database/sql"
	"testing"

	"backtrack/store"
	"backtrack/store/insight"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// BenchmarkClientInsights reads the long-term client's insights (their
// episode of care read, then compared and fitted) beside reading the same
// rows with database/sql; method-500 is the method alone on all of the
// client's visits, the most a record holds (demo.LongTermVisits).
func BenchmarkClientInsights(b *testing.B) {
	ctx := context.Background()
	s, raw := openPractice(b)
	long := testkit.LongestHistory(b, s).ID
	r := &rawSQL{db: raw, client: long}
	benchClientInsights(b, ctx, s.ClientInsights, r)
	rec, err := s.ClientRecord(ctx, long, store.Period{})
	if err != nil {
		b.Fatal(err)
	}
	visits := insight.VisitsOf(rec.Sessions, store.Plan{})
	b.Run("method-500", func(b *testing.B) {
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			if ci := insight.OfClient(visits, rec.Measures); ci.Visits < testkit.LongHistoryAtLeast {
				b.Fatalf("%d visits", ci.Visits)
			}
		}
		reportCPU(b, start)
	})
}

// BenchmarkClinicClientInsights is the same on the clinic-scale practice,
// on the engine of the run.
func BenchmarkClinicClientInsights(b *testing.B) {
	s, raw := openClinicBench(b)
	benchClientInsights(b, context.Background(), s.ClientInsights, raw)
}

func benchClientInsights(b *testing.B, ctx context.Context, read func(context.Context, int64) (insight.ClientInsights, error), r *rawSQL) {
	b.Run("backtrack", func(b *testing.B) {
		visits := 0
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			ci, err := read(ctx, r.client)
			if err != nil {
				b.Fatal(err)
			}
			visits = ci.Visits
		}
		reportCPU(b, start)
		b.ReportMetric(float64(visits), "visits")
	})
	b.Run("baseline", func(b *testing.B) {
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			r.episodeRows(b)
		}
		reportCPU(b, start)
	})
}

// episodeRows reads the client's visits' pain, tags and body marks as
// plainly as SQL allows: what ClientInsights reads before it computes.
func (r *rawSQL) episodeRows(b testing.TB) {
	var ids []any
	scanAll(b, r.db, r.q(`SELECT id, started_at, pain_before, pain_after, trigger_other FROM sessions
		WHERE client_id = ? AND voided_at = '' ORDER BY started_at, id`), []any{r.client}, func(rows *sql.Rows) error {
		var id int64
		var start, other string
		var before, after sql.NullInt64
		err := rows.Scan(&id, &start, &before, &after, &other)
		ids = append(ids, id)
		return err
	})
	in := listOf(len(ids))
	var sid int64
	var kind, name, region string
	scanAll(b, r.db, r.q(`SELECT st.session_id, t.kind, t.name FROM session_tags st JOIN terms t ON t.id = st.term_id
		WHERE st.session_id IN `+in), ids, func(rows *sql.Rows) error { return rows.Scan(&sid, &kind, &name) })
	scanAll(b, r.db, r.q(`SELECT sr.session_id, sr.region, COALESCE(t.name, '') FROM session_regions sr
		LEFT JOIN terms t ON t.id = sr.pain_type_id WHERE sr.session_id IN `+in), ids,
		func(rows *sql.Rows) error { return rows.Scan(&sid, &region, &name) })
}

// BenchmarkPracticeInsights is the practice view on the ten-year
// practice (every episode's figures, what each presented with, the shares
// and the years) beside reading every visit's pain with database/sql: the
// rows the view was computed from before the figures were.
func BenchmarkPracticeInsights(b *testing.B) {
	s, raw := openPractice(b)
	benchPracticeInsights(b, s, &rawSQL{db: raw})
}

// BenchmarkClinicPracticeInsights is the same at clinic scale, on the
// engine of the run.
func BenchmarkClinicPracticeInsights(b *testing.B) {
	s, raw := openClinicBench(b)
	benchPracticeInsights(b, s, raw)
}

func benchPracticeInsights(b *testing.B, s *sqlstore.Store, raw *rawSQL) {
	ctx := context.Background()
	b.Run("backtrack", func(b *testing.B) {
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			pr, err := s.PracticeInsights(ctx)
			if err != nil || len(pr.Groups) == 0 || pr.Groups[0].Shares[0].Of == 0 {
				b.Fatalf("%+v, %v", pr.Groups, err)
			}
		}
		reportCPU(b, start)
	})
	b.Run("baseline", func(b *testing.B) {
		start := cpuTime()
		defer func() { reportCPU(b, start) }()
		for i := 0; i < b.N; i++ {
			var client int64
			var start string
			var before sql.NullInt64
			scanAll(b, raw.db, `SELECT client_id, started_at, pain_before FROM sessions WHERE voided_at = ''
				ORDER BY client_id, started_at, id`, nil, func(rows *sql.Rows) error { return rows.Scan(&client, &start, &before) })
		}
	})
}

func scanAll(b testing.TB, db *sql.DB, query string, args []any, scan func(*sql.Rows) error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			b.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
}

func listOf(n int) string {
	if n == 0 {
		return "(NULL)"
	}
	s := "(?"
	for range n - 1 {
		s += ", ?"
	}
	return s + ")"
}
