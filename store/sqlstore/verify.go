package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"backtrack/store"
)

// VerifyRecord checks that nothing was changed outside Backtrack: the audit
// log's chain (every entry's hash over the one before it), every client
// and every note against the hash of its latest entry, and every signed
// note against its seal. It returns each problem found, naming the record;
// none means the record is as Backtrack wrote it (Verify says also what a
// login could not read).
//
// The chain makes a change evident, not impossible: someone who rewrites
// the log and recomputes every hash with this code is not stopped, which is
// why backups keep older copies of the chain.
func (s *Store) VerifyRecord(ctx context.Context) ([]string, error) {
	v, err := s.Verify(ctx)
	return v.Problems, err
}

// Verification is what Verify found.
type Verification struct {
	Problems []string
	// Unread says, in a sentence, what this login may not read and so
	// could not compare itself ("" when it read everything): on a
	// practice server, notes private to colleagues, whose history the
	// server checked on its behalf.
	Unread string
}

// Verify is VerifyRecord, saying also what it could not read. On a
// practice server a therapist reads neither a colleague's private notes
// nor their history (row-level security): the server checks the whole
// chain for them (backtrack_verify_chain, answering without an entry), and
// what they cannot read is never taken for deleted.
func (s *Store) Verify(ctx context.Context) (Verification, error) {
	var v Verification
	err := s.inSnapshot(ctx, func(tx *sql.Tx) error {
		server, err := readServerChain(ctx, tx, s.OnServer())
		if err != nil {
			return err
		}
		chain, records, err := checkHistory(ctx, tx, server)
		if err != nil {
			return err
		}
		v.Problems = append(chain, records.problems...)
		visits, err := verifyVisits(ctx, tx, s.OnServer())
		v.Problems = append(v.Problems, visits...)
		if err != nil {
			return err
		}
		v.Unread, err = server.unread(ctx, tx)
		return err
	})
	if err != nil {
		return Verification{}, fmt.Errorf("verify the record: %w", err)
	}
	return v, nil
}

// inSnapshot runs fn on one snapshot of the whole record: a server's
// default reads each statement afresh, and a check that read the log
// before a colleague's save and the notes after it would cry wolf.
func (s *Store) inSnapshot(ctx context.Context, fn func(*sql.Tx) error) error {
	if !s.OnServer() {
		return s.inReadTx(ctx, fn)
	}
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep
	return fn(tx)
}

// serverChain is the practice server's answer about the whole log
// (backtrack_verify_chain): how many entries and notes there are, and the
// first entry out of its chain, if any. nil on a file.
type serverChain struct {
	entries, notes int64
	brokenAt       sql.NullInt64
	problem        sql.NullString
	// what this login read of them (readChain)
	readEntries int64
}

func readServerChain(ctx context.Context, tx *sql.Tx, onServer bool) (*serverChain, error) {
	if !onServer {
		return nil, nil
	}
	var c serverChain
	err := tx.QueryRowContext(ctx, `SELECT entries, notes, broken_at, problem FROM backtrack_verify_chain()`).
		Scan(&c.entries, &c.notes, &c.brokenAt, &c.problem)
	return &c, err
}

// partial reports a login that reads only part of the log.
func (c *serverChain) partial() bool { return c != nil && c.readEntries < c.entries }

// words is the server's finding as a problem, naming only the entry's
// number; "" when the chain is whole.
func (c *serverChain) words() string {
	if c == nil || !c.brokenAt.Valid {
		return ""
	}
	switch c.problem.String {
	case "missing":
		return fmt.Sprintf("audit log: entries before entry %d are missing (deleted outside Backtrack)", c.brokenAt.Int64)
	case "unchained":
		return fmt.Sprintf("audit log: entry %d does not follow the entry before it (the chain was changed outside Backtrack)", c.brokenAt.Int64)
	}
	return fmt.Sprintf("audit log: entry %d was changed outside Backtrack", c.brokenAt.Int64)
}

// unread says how many notes this login could not read, "" if none.
func (c *serverChain) unread(ctx context.Context, tx *sql.Tx) (string, error) {
	if c == nil {
		return "", nil
	}
	var read int64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions`).Scan(&read); err != nil {
		return "", err
	}
	switch hidden := c.notes - read; {
	case hidden == 1:
		return "1 note private to a colleague was not compared by this login, which may not read it; " +
			"the server checked the whole history's chain, and an auditor's check compares every note.", nil
	case hidden > 1:
		return fmt.Sprintf("%d notes private to colleagues were not compared by this login, which may not read them; "+
			"the server checked the whole history's chain, and an auditor's check compares every note.", hidden), nil
	}
	return "", nil
}

// chainWalk is the walk of the history's chain, entry by entry in the
// order written: per record, its latest entry written here (not brought
// by an import), and the chain's problems. The judge walks it.
type chainWalk struct {
	latest latestByRecord
	// every problem, and those a partial reader reports itself
	all, seals []string
	changed    map[int64]bool
	prev       store.AuditEntry
}

func newChainWalk() *chainWalk {
	return &chainWalk{latest: latestByRecord{}, changed: map[int64]bool{}}
}

// chainBatch is how many entries the reader hands the judge at once.
const chainBatch = 1000

// readChain reads the log in the order written and hands it to the judge
// to walk, counting the entries this login read.
func readChain(ctx context.Context, tx *sql.Tx, w *chainWalk, server *serverChain, j *judge) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var read int64
	batch := make([]store.AuditEntry, 0, chainBatch)
	for rows.Next() && !j.stopped() {
		e, err := scanAuditEntry(rows)
		if err != nil {
			return err
		}
		read++
		if batch = append(batch, e); len(batch) == chainBatch {
			walked := batch
			j.do(func() { w.walk(walked) })
			batch = make([]store.AuditEntry, 0, chainBatch)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	j.do(func() { w.walk(batch) })
	if server != nil {
		server.readEntries = read
	}
	return nil
}

// walk checks each entry of a batch against the one before it and its own
// seal, and keeps it as its record's latest.
func (w *chainWalk) walk(batch []store.AuditEntry) {
	for _, e := range batch {
		switch prev := w.prev; {
		case e.Seq != prev.Seq+1:
			w.all = append(w.all, fmt.Sprintf("audit log: entries %d to %d are missing (deleted outside Backtrack)", prev.Seq+1, e.Seq-1))
		case e.Prev != prev.Hash:
			w.all = append(w.all, fmt.Sprintf("audit log: entry %d does not follow entry %d (the chain was changed outside Backtrack)", e.Seq, prev.Seq))
		}
		if e.Seal() != e.Hash {
			w.changed[e.Seq] = true
			w.seals = append(w.seals, fmt.Sprintf("audit log: entry %d (%s, %s) was changed outside Backtrack", e.Seq, e.Action.Words(), e.At.Format(store.StampLayout)))
			w.all = append(w.all, w.seals[len(w.seals)-1])
		}
		if e.Record != "" && e.Origin == "" && (e.Content != "" || removedHere(e.Action)) {
			w.latest.keep(e)
		}
		w.prev = e
	}
}

// problems is what the walk found. A login that reads only part of the
// log (server.partial) checks the seal of each entry it reads; the gaps
// are entries it may not read, and the server's answer stands for the
// chain.
func (w *chainWalk) problems(server *serverChain) []string {
	problems := w.all
	if server.partial() {
		problems = w.seals
		if words := server.words(); words != "" && !w.changed[server.brokenAt.Int64] {
			problems = append([]string{words}, problems...)
		}
	}
	if w.prev.Seq == 0 && !server.partial() {
		problems = append(problems, "audit log: it is empty (deleted outside Backtrack); the record's history cannot be verified")
	}
	return problems
}

// removedHere reports an entry that records a record's removal by
// Backtrack: a draft discarded, a measure deleted, a client whose import
// was undone.
func removedHere(a store.Action) bool {
	return a == store.SessionDiscarded || a == store.MeasureDeleted || a == store.ClientUnimported
}
