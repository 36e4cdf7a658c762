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
		latest, chain, err := verifyChain(ctx, tx, server)
		if err != nil {
			return err
		}
		v.Problems = chain
		records, err := verifyRecords(ctx, tx, latest)
		v.Problems = append(v.Problems, records.problems...)
		if err != nil {
			return err
		}
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
	// what this login read of them (verifyChain)
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

// verifyChain walks the log and returns, per record, its latest entry
// written here (not brought by an import), with the chain's problems. A
// login that reads only part of the log (server.partial) checks the seal
// of each entry it reads; the gaps are entries it may not read, and the
// server's answer stands for the chain.
func verifyChain(ctx context.Context, tx *sql.Tx, server *serverChain) (latestByRecord, []string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY seq`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	latest := latestByRecord{}
	// every problem, and those a partial reader reports itself
	var all, seals []string
	changed := map[int64]bool{}
	var prev store.AuditEntry
	var read int64
	for rows.Next() {
		e, err := scanAuditEntry(rows)
		if err != nil {
			return nil, nil, err
		}
		read++
		switch {
		case e.Seq != prev.Seq+1:
			all = append(all, fmt.Sprintf("audit log: entries %d to %d are missing (deleted outside Backtrack)", prev.Seq+1, e.Seq-1))
		case e.Prev != prev.Hash:
			all = append(all, fmt.Sprintf("audit log: entry %d does not follow entry %d (the chain was changed outside Backtrack)", e.Seq, prev.Seq))
		}
		if e.Seal() != e.Hash {
			changed[e.Seq] = true
			seals = append(seals, fmt.Sprintf("audit log: entry %d (%s, %s) was changed outside Backtrack", e.Seq, e.Action.Words(), e.At.Format(store.StampLayout)))
			all = append(all, seals[len(seals)-1])
		}
		if e.Record != "" && e.Origin == "" && (e.Content != "" || removedHere(e.Action)) {
			latest.keep(e)
		}
		prev = e
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	if server != nil {
		server.readEntries = read
	}
	problems := all
	if server.partial() {
		problems = seals
		if w := server.words(); w != "" && !changed[server.brokenAt.Int64] {
			problems = append([]string{w}, problems...)
		}
	}
	if prev.Seq == 0 && !server.partial() {
		problems = append(problems, "audit log: it is empty (deleted outside Backtrack); the record's history cannot be verified")
	}
	return latest, problems, nil
}

// removedHere reports an entry that records a record's removal by
// Backtrack: a draft discarded, a measure deleted, a client whose import
// was undone.
func removedHere(a store.Action) bool {
	return a == store.SessionDiscarded || a == store.MeasureDeleted || a == store.ClientUnimported
}
