package sqlstore

import (
	"context"
	"time"

	"backtrack/store/postgres"
)

// bulkWrite is the number of records (entries in the history) from which
// a committed transaction is a bulk write: an import, a move, the sample
// practice. A session saved at the desk writes one.
const bulkWrite = 500

// afterWrite follows a committed write of entries records: after a bulk
// write on a practice server the planner's statistics are brought up to
// date at once (postgres.DB.Analyze), so the desk is fast on the moved
// practice from its first click rather than after autovacuum's next
// round. It is best left undone when it fails: the write is committed and
// the server catches up by itself. A file needs nothing: SQLite plans by
// its indexes alone, as measured on the 20,000-client practice.
func (s *Store) afterWrite(ctx context.Context, entries int) {
	pg, ok := s.engine.(*postgres.DB)
	if !ok || entries < bulkWrite {
		return
	}
	// bounded, and not cut short by the caller's end: it follows a write
	// already committed, and waits behind another desk's ANALYZE or VACUUM
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), analyzePatience)
	defer cancel()
	pg.Analyze(ctx) //nolint:errcheck // an optimisation; autovacuum catches up
}

// analyzePatience is how long the statistics may take after a bulk write
// (about 4 s for a practice of 200,000 sessions) before they are left to
// autovacuum.
const analyzePatience = 30 * time.Second
