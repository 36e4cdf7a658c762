package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

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
		v.Problems = append(v.Problems, records...)
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
func verifyChain(ctx context.Context, tx *sql.Tx, server *serverChain) (map[string]store.AuditEntry, []string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY seq`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	latest := map[string]store.AuditEntry{}
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
			latest[e.Record] = e
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

// verifyRecords compares every client and note with its latest entry.
func verifyRecords(ctx context.Context, tx *sql.Tx, latest map[string]store.AuditEntry) ([]string, error) {
	var problems []string
	seen := map[string]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients c ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	clients := map[int64]store.Client{}
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		clients[c.ID] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	healths, err := readAllHealth(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, id := range sortedIDs(clients) {
		c := clients[id]
		seen[c.UID] = true
		h, err := decodeHealth(healths[c.ID])
		if err != nil {
			problems = append(problems, fmt.Sprintf("client %s (%s): their health record cannot be read (%v); it was changed outside Backtrack", c.FullName(), c.UID, err))
			continue
		}
		switch e, ok := latest[c.UID]; {
		case !ok:
			problems = append(problems, fmt.Sprintf("client %s (%s) was added outside Backtrack: the record's history has no entry for them", c.FullName(), c.UID))
		case e.Content != store.ClientRecordHash(c, h):
			problems = append(problems, fmt.Sprintf("client %s (%s): their details were changed outside Backtrack after %s", c.FullName(), c.UID, e.At.Format(store.StampLayout)))
		}
	}
	sessions, err := readSessions(ctx, tx, `1 = 1`)
	if err != nil {
		return nil, err
	}
	seals, err := noteSeals(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, sess := range sessions {
		c := clients[sess.ClientID]
		seen[sess.UID] = true
		// named only for a problem: building the words for each of ten
		// years' notes cost more than comparing them
		what := func() string {
			return fmt.Sprintf("the note of %s on %s (%s)", c.FullName(), sess.Start.Format(store.StartLayout), sess.UID)
		}
		hash := store.NoteHash(c.UID, sess)
		switch e, ok := latest[sess.UID]; {
		case !ok:
			problems = append(problems, what()+" was added outside Backtrack: the record's history has no entry for it")
		case e.Content != hash:
			problems = append(problems, what()+" was changed outside Backtrack after "+e.At.Format(store.StampLayout))
		}
		if sess.Locked() && seals[sess.ID] != hash {
			problems = append(problems, "signed "+what()+" does not match its seal: it was changed outside Backtrack")
		}
	}
	more, err := verifyFunction(ctx, tx, clients, latest, seen)
	if err != nil {
		return nil, err
	}
	problems = append(problems, more...)
	more, err = verifySubmissions(ctx, tx, clients, latest, seen)
	if err != nil {
		return nil, err
	}
	problems = append(problems, more...)
	var gone []string
	for uid, e := range latest {
		if seen[uid] || removedHere(e.Action) {
			continue
		}
		gone = append(gone, uid)
	}
	slices.Sort(gone)
	for _, uid := range gone {
		e := latest[uid]
		kind := "the note"
		switch {
		case uid == e.Client:
			kind = "the client"
		case strings.HasPrefix(string(e.Action), "measure."):
			kind = "the outcome measure"
		case strings.HasPrefix(string(e.Action), "plan."):
			kind = "the treatment plan"
		case strings.HasPrefix(string(e.Action), "submission."):
			kind = "the client's submission"
		}
		problems = append(problems, fmt.Sprintf("%s %s was deleted outside Backtrack (last entry: %s, %s)", kind, uid, e.Action.Words(), e.At.Format(store.StampLayout)))
	}
	return problems, nil
}

// readAllHealth reads every client's health columns in one query: one
// query a client was a sixth of the check on a ten-year practice.
func readAllHealth(ctx context.Context, tx *sql.Tx) (map[int64]healthColumns, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, intake, red_flags, consents FROM clients`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]healthColumns{}
	for rows.Next() {
		var id int64
		var cols healthColumns
		if err := rows.Scan(&id, &cols.intake, &cols.redFlags, &cols.consents); err != nil {
			return nil, err
		}
		out[id] = cols
	}
	return out, rows.Err()
}

// noteSeals reads the stored content hash of every note.
func noteSeals(ctx context.Context, tx *sql.Tx) (map[int64]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, content_hash FROM sessions`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return nil, err
		}
		out[id] = hash
	}
	return out, rows.Err()
}

// sortedIDs lists a map's client IDs in order.
func sortedIDs(m map[int64]store.Client) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// removedHere reports an entry that records a record's removal by
// Backtrack: a draft discarded, a measure deleted, a client whose import
// was undone.
func removedHere(a store.Action) bool {
	return a == store.SessionDiscarded || a == store.MeasureDeleted || a == store.ClientUnimported
}

// verifyFunction compares every outcome measure and treatment plan with
// its latest entry.
func verifyFunction(ctx context.Context, tx *sql.Tx, clients map[int64]store.Client, latest map[string]store.AuditEntry,
	seen map[string]bool) ([]string, error) {
	var problems []string
	check := func(what func() string, uid, hash string) {
		seen[uid] = true
		switch e, ok := latest[uid]; {
		case !ok:
			problems = append(problems, what()+" was added outside Backtrack: the record's history has no entry for it")
		case e.Content != hash:
			problems = append(problems, what()+" was changed outside Backtrack after "+e.At.Format(store.StampLayout))
		}
	}
	measures, err := readMeasures(ctx, tx, `1 = 1`)
	if err != nil {
		return nil, err
	}
	for _, m := range measures {
		c := clients[m.ClientID]
		check(func() string {
			return fmt.Sprintf("the %s of %s on %s (%s)", m.Kind.Label(), c.FullName(), m.Taken.Format(store.DateLayout), m.UID)
		}, m.UID, store.MeasureHash(c.UID, m))
	}
	plans, err := readPlans(ctx, tx, `1 = 1`)
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		c := clients[p.ClientID]
		check(func() string { return fmt.Sprintf("the treatment plan of %s (%s)", c.FullName(), p.UID) },
			p.UID, store.PlanHash(c.UID, p))
	}
	return problems, nil
}
