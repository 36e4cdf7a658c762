package postgres

import "context"

// recordTables are the tables whose rows grow with the practice: the ones
// whose statistics the server's planner needs to pick an index.
const recordTables = `clients, sessions, session_tags, session_regions, session_exercises, session_adherence, session_amendments,
	measures, plans, client_submissions, import_batches, import_batch_clients, audit_log, terms`

// Analyze brings the planner's statistics of the record's tables up to
// date. A server learns them by itself (autovacuum), but only some time
// after a large write commits: until then a freshly moved or imported
// practice is planned as if it were empty, and opening a long-term
// client's history scans whole tables (115 ms instead of 10 ms at 200,000
// sessions, docs/BENCHMARKS.md). A role that does not own the tables
// (a therapist importing) has them skipped by the server with a warning
// to the session, not an error.
func (db *DB) Analyze(ctx context.Context) error {
	_, err := db.pool.ExecContext(ctx, `ANALYZE `+recordTables)
	return err
}
