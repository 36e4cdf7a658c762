package sqlstore_test

// Benchmarks at clinic scale (issue 18): 20,000 clients, 200,000 sessions,
// one client with 500, on the engine of the run (SQLite, or PostgreSQL with
// BACKTRACK_TEST_ENGINE=postgres on the tests' private server). The
// practice takes minutes to build, so these run only when asked:
//
//	BACKTRACK_BENCH_CLINIC=1 go test -run '^$' -bench Clinic ./store/sqlstore
//
// (BACKTRACK_BENCH_CLINIC=2000 builds a tenth of it: 2,000 clients, 20,000
// sessions, the same 500-visit client.)
//
// The SQLite practice is built once and kept in the temp folder for later
// runs (each run works on a copy); the PostgreSQL one is built once per run.
// Each figure has its baseline in the same run: the design the client list
// had before (a subquery per client for its last visit), or raw SQL.

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"backtrack/store"
	"backtrack/store/demo"
	"backtrack/store/sqlite"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// ClinicBenchEnv asks for the clinic-scale benchmarks and load runs.
const clinicBenchEnv = "BACKTRACK_BENCH_CLINIC"

var clinicOptions = demo.Options{Clients: clinicClients(), Seed: 1,
	Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)}

func init() { clinicOptions.Sessions = 10 * clinicOptions.Clients }

// clinicClients is the practice's size: 20,000 clients, or fewer when
// BACKTRACK_BENCH_CLINIC is a number of at least 1,000 (a practice that
// builds in a minute on the server, still with the 500-visit client, for
// trying a change before the full run).
func clinicClients() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv(clinicBenchEnv), &n); err == nil && n >= 1000 {
		return n
	}
	return 20000
}

var (
	clinicOnce  sync.Once
	clinicWhere string
	clinicErr   error
)

// clinicPractice returns where the clinic-scale practice is: a working copy of the
// cached SQLite file, or a database on the private server.
func clinicPractice(b testing.TB) string {
	b.Helper()
	if os.Getenv(clinicBenchEnv) == "" {
		b.Skip("clinic scale (minutes to build): set " + clinicBenchEnv + "=1")
	}
	clinicOnce.Do(func() {
		ctx := context.Background()
		if testkit.OnPostgres() {
			if server := os.Getenv(clinicServerEnv); server != "" {
				clinicWhere, clinicErr = keptClinicOnServer(ctx, server)
				return
			}
			clinicWhere = testkit.PostgresDSN(b)
			clinicErr = buildClinic(ctx, clinicWhere)
			return
		}
		cached := filepath.Join(os.TempDir(), fmt.Sprintf("backtrack-clinic-v%d-%dx%d.db",
			sqlite.SchemaVersion(), clinicOptions.Clients, clinicOptions.Sessions))
		if _, err := os.Stat(cached); err != nil {
			building := cached + ".building"
			os.Remove(building)
			if clinicErr = buildClinic(ctx, building); clinicErr != nil {
				return
			}
			if clinicErr = os.Rename(building, cached); clinicErr != nil {
				return
			}
		}
		dir, err := os.MkdirTemp("", "backtrack-clinic-")
		if err != nil {
			clinicErr = err
			return
		}
		clinicWhere = filepath.Join(dir, "clinic.db")
		clinicErr = copyFile(clinicWhere, cached)
	})
	if clinicErr != nil {
		b.Fatal(clinicErr)
	}
	return clinicWhere
}

// removeClinicCopy removes the run's working copy of the SQLite practice
// (the cached one stays for the next run), or of the server's kept one.
func removeClinicCopy() {
	switch {
	case clinicWhere == "":
	case !strings.HasPrefix(clinicWhere, "postgres"):
		os.RemoveAll(filepath.Dir(clinicWhere))
	case os.Getenv(clinicServerEnv) != "":
		if admin, err := sql.Open("pgx", os.Getenv(clinicServerEnv)); err == nil {
			admin.Exec("DROP DATABASE IF EXISTS " + clinicRunDatabase() + " WITH (FORCE)")
			admin.Close()
		}
	}
}

// clinicServerEnv names, as its superuser's DSN, a server that keeps the
// practice between runs (it takes ten minutes to build on a server): the
// first run builds it into a database of its own, and each run works on a
// copy of it (CREATE DATABASE … TEMPLATE), dropped at the end. Without it
// the practice is built on the tests' private server in each run.
const clinicServerEnv = "BACKTRACK_BENCH_CLINIC_SERVER"

func clinicRunDatabase() string { return fmt.Sprintf("clinic_run_%d", os.Getpid()) }

// keptClinicOnServer returns the DSN of a working copy of the practice
// kept on the server at admin, building it first if it is not there.
func keptClinicOnServer(ctx context.Context, adminDSN string) (string, error) {
	admin, err := sql.Open("pgx", adminDSN)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	kept := fmt.Sprintf("clinic_v%d_%dx%d", sqlite.SchemaVersion(), clinicOptions.Clients, clinicOptions.Sessions)
	dsn := func(name string) string {
		u, _ := url.Parse(adminDSN)
		u.Path = "/" + name
		return u.String()
	}
	var found int
	if err := admin.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_database WHERE datname = $1`, kept).Scan(&found); err != nil {
		return "", err
	}
	if found == 0 {
		building := kept + "_building"
		admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+building)
		if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+building); err != nil {
			return "", err
		}
		if err := buildClinic(ctx, dsn(building)); err != nil {
			return "", err
		}
		if _, err := admin.ExecContext(ctx, "ALTER DATABASE "+building+" RENAME TO "+kept); err != nil {
			return "", err
		}
	}
	run := clinicRunDatabase()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+run+" TEMPLATE "+kept); err != nil {
		return "", err
	}
	return dsn(run), nil
}

func buildClinic(ctx context.Context, where string) error {
	s, err := sqlstore.Open(ctx, where)
	if err != nil {
		return err
	}
	began := time.Now()
	if _, err := demo.Fill(ctx, s, clinicOptions); err != nil {
		s.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "clinic practice built in %.1fs\n", time.Since(began).Seconds())
	return s.Close()
}

// openClinicBench opens the practice through the store and directly.
func openClinicBench(b *testing.B) (*sqlstore.Store, *rawSQL) {
	b.Helper()
	where := clinicPractice(b)
	s, err := sqlstore.Open(context.Background(), where)
	if err != nil {
		b.Fatal(err)
	}
	raw := &rawSQL{server: s.OnServer(), client: longTermClient}
	if raw.server {
		raw.db, err = sql.Open("pgx", where)
	} else {
		raw.db, err = sql.Open("sqlite", "file:"+where+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_txlock=immediate")
	}
	if err != nil {
		b.Fatal(err)
	}
	raw.db.SetMaxOpenConns(1)
	b.Cleanup(func() { s.Close(); raw.db.Close() })
	return s, raw
}

// rawSQL is database/sql on the practice with no store between: the
// baselines. Queries are written with "?" and numbered for PostgreSQL.
type rawSQL struct {
	db     *sql.DB
	server bool
	client int64 // the long-term client, whose history longHistory reads
}

func (r *rawSQL) q(query string) string {
	if !r.server {
		return query
	}
	var out strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			fmt.Fprintf(&out, "$%d", n)
			continue
		}
		out.WriteRune(c)
	}
	return out.String()
}

// mainListQuery is the client list as main read it before migration 011:
// each client's last visit and visit count found by subqueries.
const mainListQuery = `SELECT c.id, c.first_name, c.last_name, c.date_of_birth, c.phone, c.email,
	c.medical_history, c.medications, c.contraindications, c.archived, c.created_at, c.updated_at, c.uid, c.version,
	c.alert_level, c.consent_on_file, l.started_at, l.pain_before, l.pain_after,
	(SELECT COUNT(*) FROM sessions n WHERE n.client_id = c.id AND n.voided_at = '') AS visits
	FROM clients c
	LEFT JOIN sessions l ON l.id = (SELECT id FROM sessions x WHERE x.client_id = c.id AND x.voided_at = ''
		ORDER BY x.started_at DESC, x.id DESC LIMIT 1)
	WHERE c.archived = FALSE %s
	ORDER BY l.started_at IS NULL, l.started_at DESC, c.sort_name, c.id %s`

// mainList runs mainListQuery and reads every row as the store does.
func (r *rawSQL) mainList(b *testing.B, search string, limit int) int {
	where, lim := "", ""
	var args []any
	if search != "" {
		where, args = "AND c.search_text LIKE ?", []any{"%" + search + "%"}
	}
	if limit > 0 {
		lim = fmt.Sprintf("LIMIT %d", limit)
	}
	rows, err := r.db.Query(r.q(fmt.Sprintf(mainListQuery, where, lim)), args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, version, visits int64
		var first, last, dob, phone, email, hist, meds, contra, created, updated, uid, level string
		var archived, consent bool
		var started sql.NullString
		var before, after sql.NullInt64
		if err := rows.Scan(&id, &first, &last, &dob, &phone, &email, &hist, &meds, &contra, &archived, &created,
			&updated, &uid, &version, &level, &consent, &started, &before, &after, &visits); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}

// benchList measures the list as the desk asks for it (store.ListRows and
// one more, to know there are more), every client (the clients command
// unlimited), and main's design for the same.
func benchList(b *testing.B, search string) {
	ctx := context.Background()
	s, raw := openClinicBench(b)
	desk := store.ClientQuery{Text: search, Limit: store.ListRows + 1}
	b.Run("desk", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if rows, err := s.SearchClients(ctx, desk); err != nil || len(rows) == 0 {
				b.Fatal(len(rows), err)
			}
		}
	})
	b.Run("desk-main", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			raw.mainList(b, search, store.ListRows+1)
		}
	})
	b.Run("all", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if rows, err := s.SearchClients(ctx, store.ClientQuery{Text: search}); err != nil || len(rows) == 0 {
				b.Fatal(len(rows), err)
			}
		}
	})
	b.Run("all-main", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			raw.mainList(b, search, 0)
		}
	})
}

func BenchmarkClinicList(b *testing.B) { benchList(b, "") }

// BenchmarkClinicSearchLetter is the first keystroke of a search: one
// letter, which most names have.
func BenchmarkClinicSearchLetter(b *testing.B) { benchList(b, "k") }

// longTermClient is the clinic practice's 500-visit client: demo puts them
// first, and the clinic benchmarks never void a note.
const longTermClient = 1

// BenchmarkClinicOpenLongTerm opens the 500-visit client as the desk does
// (ClientRecord: details, health, every note with its tags, maps and
// amendments, measures, plan) beside reading the same notes' rows and tags
// directly.
func BenchmarkClinicOpenLongTerm(b *testing.B) {
	ctx := context.Background()
	s, raw := openClinicBench(b)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rec, err := s.ClientRecord(ctx, longTermClient, store.Period{})
			if err != nil || len(rec.Sessions)+len(rec.Voided) != demo.LongTermVisits {
				b.Fatalf("%d sessions, %v", len(rec.Sessions), err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			raw.longHistory(b)
		}
	})
}

// longHistory reads the long-term client's notes and their parts as
// plainly as SQL allows: the notes' rows, then their tags, body marks and
// amendments by the notes' ids (a server reads them through the index
// then, where a join to the notes scans the whole table).
func (r *rawSQL) longHistory(b testing.TB) {
	// every column and table a note shows: its state (signed, entered in
	// error, whose), and its home programme and adherence
	rows, err := r.db.Query(r.q(`SELECT id, client_id, started_at, duration_min, pain_before,
		pain_after, trigger_other, subjective, objective, assessment, plan, home_care, created_at, updated_at,
		uid, signed_at, signed_by, legacy, voided_at, voided_by, void_reason, author, private, version
		FROM sessions WHERE client_id = ? ORDER BY started_at DESC, id DESC`), r.client)
	if err != nil {
		b.Fatal(err)
	}
	var ids []any
	for rows.Next() {
		var id, client, dur, version int64
		var start, other, subj, obj, ass, plan, home, created, updated string
		var uid, signed, signedBy, voided, voidedBy, voidReason, author string
		var legacy, private bool
		var before, after sql.NullInt64
		if err := rows.Scan(&id, &client, &start, &dur, &before, &after, &other, &subj, &obj, &ass,
			&plan, &home, &created, &updated, &uid, &signed, &signedBy, &legacy, &voided, &voidedBy, &voidReason,
			&author, &private, &version); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) == 0 {
		b.Fatal("the long-term client has no notes")
	}
	in := `(?` + strings.Repeat(", ?", len(ids)-1) + `)`
	read := func(query string, scan func(*sql.Rows) error) {
		rows, err := r.db.Query(r.q(query), ids...)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				b.Fatal(err)
			}
		}
	}
	var sid, tid int64
	var kind, name, side, region, at, by, reason, changed, previous string
	var retired bool
	var intensity, painType, from sql.NullInt64
	read(`SELECT st.session_id, t.id, t.kind, t.name, t.retired, st.side
		FROM session_tags st JOIN terms t ON t.id = st.term_id WHERE st.session_id IN `+in,
		func(rows *sql.Rows) error { return rows.Scan(&sid, &tid, &kind, &name, &retired, &side) })
	read(`SELECT session_id, region, intensity, pain_type_id, from_term, from_side
		FROM session_regions WHERE session_id IN `+in,
		func(rows *sql.Rows) error { return rows.Scan(&sid, &region, &intensity, &painType, &from, &side) })
	read(`SELECT session_id, amended_at, amended_by, reason, changed, previous
		FROM session_amendments WHERE session_id IN `+in,
		func(rows *sql.Rows) error { return rows.Scan(&sid, &at, &by, &reason, &changed, &previous) })
	var exercise, words, pose, level, hard string
	var hold, reps, sets, perDay sql.NullInt64
	read(`SELECT session_id, exercise, name, words, pose, side, hold_sec, reps, sets, per_day
		FROM session_exercises WHERE session_id IN `+in+` ORDER BY session_id, position`,
		func(rows *sql.Rows) error {
			return rows.Scan(&sid, &exercise, &name, &words, &pose, &side, &hold, &reps, &sets, &perDay)
		})
	read(`SELECT session_id, level, hard FROM session_adherence WHERE session_id IN `+in,
		func(rows *sql.Rows) error { return rows.Scan(&sid, &level, &hard) })
}

// BenchmarkClinicSave saves a session with 8 tags (validated, audited, the
// client's row brought up to date) beside the raw INSERTs of its rows.
func BenchmarkClinicSave(b *testing.B) {
	s, raw := openClinicBench(b)
	session, terms := benchSession(b, s)
	saved := benchSave(b, s, session)
	b.Run("backtrack", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			benchSave(b, s, session)
		}
	})
	var inserted []int64
	b.Run("baseline", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			inserted = append(inserted, raw.insertSession(b, session, terms, saved.BodyMap))
		}
	})
	// the raw rows go again: they have no history, and the load run
	// after this checks the record
	for _, id := range inserted {
		if _, err := raw.db.Exec(raw.q(`DELETE FROM sessions WHERE id = ?`), id); err != nil {
			b.Fatal(err)
		}
	}
}

// insertSession is the raw INSERTs of a session's rows in one
// transaction, nothing checked: the note, its tags one by one, and its
// body marks (marks, as the store made them of its location).
func (r *rawSQL) insertSession(b testing.TB, session store.Session, terms []store.Term, marks []store.BodyMark) int64 {
	tx, err := r.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	var id int64
	if err := tx.QueryRow(r.q(`INSERT INTO sessions (client_id, started_at, duration_min,
		pain_before, pain_after, trigger_other, subjective, objective, assessment, plan, home_care,
		updated_at, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		session.ClientID, "2026-11-20 10:00", 60, 5, 3, "", session.Notes.Subjective, session.Notes.Objective,
		session.Notes.Assessment, session.Notes.Plan, session.HomeCare, "2026-11-25 10:00:00", "2026-11-25 10:00:00",
		store.NewUID()).Scan(&id); err != nil {
		b.Fatal(err)
	}
	for i, t := range terms {
		side := ""
		if t.Kind.HasSide() {
			side = []string{"both", "both", "right"}[i%3]
		}
		if _, err := tx.Exec(r.q(`INSERT INTO session_tags (session_id, term_id, side) VALUES (?, ?, ?)`), id, t.ID, side); err != nil {
			b.Fatal(err)
		}
	}
	nullable := func(recorded bool, v any) any {
		if !recorded {
			return nil
		}
		return v
	}
	for _, m := range marks {
		if _, err := tx.Exec(r.q(`INSERT INTO session_regions (session_id, region, pain_type_id, intensity, from_term, from_side)
			VALUES (?, ?, ?, ?, ?, ?)`), id, string(m.Region), nullable(m.PainType.TermID != 0, m.PainType.TermID),
			nullable(m.Intensity.Recorded, m.Intensity.Score), nullable(m.From.TermID != 0, m.From.TermID), string(m.From.Side)); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return id
}

// BenchmarkClinicLoad is ten therapists at once, each with a store of
// their own on the practice (ten connections to the server, or ten stores
// on one file as desks sharing it), each saving a note and reading the
// list and a client's record in turn for BACKTRACK_LOAD_SECONDS (60 by
// default). It fails on any error and on any acknowledged save not found
// afterwards, and reports the saves' p50 and p99 latency. Run it once:
//
//	BACKTRACK_BENCH_CLINIC=1 go test -run '^$' -bench ClinicLoad -benchtime 1x ./store/sqlstore
func BenchmarkClinicLoad(b *testing.B) {
	where := clinicPractice(b)
	seconds := 60
	if v := os.Getenv("BACKTRACK_LOAD_SECONDS"); v != "" {
		fmt.Sscan(v, &seconds)
	}
	for i := 0; i < b.N; i++ {
		res := runLoad(b, where, 10, loadLength{time: time.Duration(seconds) * time.Second})
		b.ReportMetric(float64(res.saves), "saves")
		b.ReportMetric(float64(res.reads), "reads")
		b.ReportMetric(res.p50.Seconds()*1000, "p50-save-ms")
		b.ReportMetric(res.p99.Seconds()*1000, "p99-save-ms")
	}
}
