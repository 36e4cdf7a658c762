package sqlstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"backtrack/store"
)

// latestEntry is what the check keeps of a record's latest entry in the
// history while it walks the records: the SHA-256 of the hash to compare
// and where the entry is, its words read again only for a problem. A
// clinic's history names a quarter of a million records; the whole entries
// held for each were most of the check's memory, and the texts of their
// UIDs and hashes most of what was left (some 240 bytes a record, now
// about 90).
type latestEntry struct {
	seq     int64
	content [sha256.Size]byte
	removed bool // the entry records the record's removal by Backtrack
	found   bool // the record was found
}

// holds reports whether the entry carries this hash.
func (e latestEntry) holds(hash string) bool { return e.content == sha256.Sum256([]byte(hash)) }

// recordKey stands for a record's UID: the first half of its SHA-256,
// which no two records of a practice share by chance.
type recordKey [16]byte

func keyOf(uid string) recordKey {
	sum := sha256.Sum256([]byte(uid))
	return recordKey(sum[:16])
}

// latestByRecord is each record's latest entry written here, by the
// record's UID. The walk marks each record's entry as it finds the
// record; what is left unmarked names records no longer there.
type latestByRecord map[recordKey]latestEntry

// keep makes the entry its record's latest.
func (l latestByRecord) keep(e store.AuditEntry) {
	l[keyOf(e.Record)] = latestEntry{seq: e.Seq, content: sha256.Sum256([]byte(e.Content)), removed: removedHere(e.Action)}
}

// take returns the record's latest entry, marking the record found.
func (l latestByRecord) take(uid string) (latestEntry, bool) {
	key := keyOf(uid)
	e, ok := l[key]
	if ok && !e.found {
		e.found = true
		l[key] = e
	}
	return e, ok
}

// verifyClientsPerPage bounds what the check holds at once: a page of
// clients with their notes, measures, plans and submissions.
var verifyClientsPerPage = clientsPerPage

// recordCheck is the judging of the records against the history, a page
// of clients at a time, in the judge. Each kind of record's problems are
// kept apart and put in the order the check has always named them in
// (clients by number, notes newest first, measures oldest first, plans by
// number, submissions newest first), whatever the pages.
type recordCheck struct {
	latest latestByRecord
	judge  *judge

	clients, notes, measures, plans, submits []orderedProblem
	brokenSeals                              int
	// err is the first record the judge could not read at all: the
	// check stops with it, as it does for a record its reader cannot read.
	err error
}

func (rc *recordCheck) fail(err error) {
	if rc.err == nil {
		rc.err = err
		rc.judge.halt()
	}
}

// orderedProblem is a problem with where its record stands in its kind's
// order.
type orderedProblem struct {
	at    time.Time
	id    int64
	words string
	// changed: the record was changed since its latest entry, after,
	// whose time ends the words ("… after 2026-03-02 10:15"), read again
	// by the reader once the judge is done (the judge never reads).
	changed bool
	after   latestEntry
}

// recordFindings is what the walk of the records found: every problem in
// order, and how many of them are signed notes that do not match their
// seal.
type recordFindings struct {
	problems    []string
	brokenSeals int
}

// recordPage is what the reader read of a page of clients: each with
// their health record's columns, their notes with each note's stored
// seal, their measures, plans and signed forms.
type recordPage struct {
	clients  []store.Client
	healths  []healthColumns
	sessions []store.Session
	seals    map[int64]string
	measures []store.Measure
	plans    []store.Plan
	submits  []submissionRow
}

// readRecords reads every client, note, measure, plan and submission a
// page of clients at a time and hands each page to the judge.
func readRecords(ctx context.Context, tx *sql.Tx, rc *recordCheck, j *judge) error {
	// (after, last]: a page's notes, measures and plans are those of
	// client numbers after the page before's last, so none falls between
	// pages; the last page, of no clients, reads any whose client is gone
	for after := int64(math.MinInt64); ; {
		page, err := readRecordPage(ctx, tx, after)
		if err != nil {
			return err
		}
		j.do(func() { rc.judgePage(page) })
		if len(page.clients) == 0 || j.stopped() {
			return nil
		}
		after = page.clients[len(page.clients)-1].ID
	}
}

// readRecordPage reads the clients after the given number, a page of
// them, and their records.
func readRecordPage(ctx context.Context, tx *sql.Tx, after int64) (recordPage, error) {
	var p recordPage
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumns+`, c.intake, c.red_flags, c.consents
		FROM clients c WHERE c.id > ? ORDER BY c.id LIMIT ?`, after, verifyClientsPerPage)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var health healthColumns
		c, err := scanClient(rows, &health.intake, &health.redFlags, &health.consents)
		if err != nil {
			rows.Close()
			return p, err
		}
		p.clients, p.healths = append(p.clients, c), append(p.healths, health)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	last := int64(math.MaxInt64)
	if len(p.clients) > 0 {
		last = p.clients[len(p.clients)-1].ID
	}
	if p.sessions, err = readSessions(ctx, tx, ofPage("s"), after, last); err != nil {
		return p, err
	}
	if p.seals, err = readNoteSeals(ctx, tx, after, last); err != nil {
		return p, err
	}
	if p.measures, err = readMeasures(ctx, tx, ofPage("m"), after, last); err != nil {
		return p, err
	}
	if p.plans, err = readPlans(ctx, tx, ofPage("p"), after, last); err != nil {
		return p, err
	}
	p.submits, err = readSubmissionRows(ctx, tx, ofPage("s"), after, last)
	return p, err
}

// findings puts what the judge found in order, with the times of the
// entries records were changed after, and names the records of the
// history no longer there. The judge must be done.
func (rc *recordCheck) findings(ctx context.Context, tx *sql.Tx) (recordFindings, error) {
	gone, err := rc.gone(ctx, tx)
	if err != nil {
		return recordFindings{}, err
	}
	newestFirst := func(a, b orderedProblem) int { return cmp.Or(b.at.Compare(a.at), cmp.Compare(b.id, a.id)) }
	oldestFirst := func(a, b orderedProblem) int { return cmp.Or(a.at.Compare(b.at), cmp.Compare(a.id, b.id)) }
	var problems []string
	for _, kind := range []struct {
		problems []orderedProblem
		order    func(a, b orderedProblem) int
	}{{rc.clients, nil}, {rc.notes, newestFirst}, {rc.measures, oldestFirst}, {rc.plans, oldestFirst}, {rc.submits, newestFirst}} {
		if kind.order != nil { // clients: judged in their numbers' order
			slices.SortStableFunc(kind.problems, kind.order)
		}
		for _, p := range kind.problems {
			words := p.words
			if p.changed {
				when, err := entryTime(ctx, tx, p.after)
				if err != nil {
					return recordFindings{}, err
				}
				words += " after " + when
			}
			problems = append(problems, words)
		}
	}
	return recordFindings{problems: append(problems, gone...), brokenSeals: rc.brokenSeals}, nil
}

// judgePage compares a page's records with their latest entries, and each
// signed note and submission with its seal.
func (rc *recordCheck) judgePage(p recordPage) {
	byID := make(map[int64]store.Client, len(p.clients))
	for i, c := range p.clients {
		byID[c.ID] = c
		rc.judgeClient(c, p.healths[i])
	}
	for _, sess := range p.sessions {
		c := byID[sess.ClientID]
		// named only for a problem: building the words for each of ten
		// years' notes cost more than comparing them
		what := func() string {
			return fmt.Sprintf("the note of %s on %s (%s)", c.FullName(), sess.Start.Format(store.StartLayout), sess.UID)
		}
		hash := store.NoteHash(c.UID, sess)
		rc.compare(&rc.notes, sess.Start, sess.ID, what, sess.UID, hash)
		if sess.Locked() && p.seals[sess.ID] != hash {
			rc.brokenSeals++
			rc.notes = append(rc.notes, orderedProblem{at: sess.Start, id: sess.ID,
				words: "signed " + what() + " does not match its seal: it was changed outside Backtrack"})
		}
	}
	for _, m := range p.measures {
		c := byID[m.ClientID]
		what := func() string {
			return fmt.Sprintf("the %s of %s on %s (%s)", m.Kind.Label(), c.FullName(), m.Taken.Format(store.DateLayout), m.UID)
		}
		rc.compare(&rc.measures, m.Taken, m.ID, what, m.UID, store.MeasureHash(c.UID, m))
	}
	for _, pl := range p.plans {
		c := byID[pl.ClientID]
		what := func() string { return fmt.Sprintf("the treatment plan of %s (%s)", c.FullName(), pl.UID) }
		rc.compare(&rc.plans, time.Time{}, pl.ID, what, pl.UID, store.PlanHash(c.UID, pl))
	}
	rc.judgeSubmissions(byID, p.submits)
}

func (rc *recordCheck) judgeClient(c store.Client, health healthColumns) {
	e, found := rc.latest.take(c.UID)
	h, err := decodeHealth(health)
	problem := func(words string, after ...latestEntry) {
		p := orderedProblem{id: c.ID, words: words}
		if len(after) > 0 {
			p.changed, p.after = true, after[0]
		}
		rc.clients = append(rc.clients, p)
	}
	switch {
	case err != nil:
		problem(fmt.Sprintf("client %s (%s): their health record cannot be read (%v); it was changed outside Backtrack", c.FullName(), c.UID, err))
	case !found:
		problem(fmt.Sprintf("client %s (%s) was added outside Backtrack: the record's history has no entry for them", c.FullName(), c.UID))
	case !e.holds(store.ClientRecordHash(c, h)):
		problem(fmt.Sprintf("client %s (%s): their details were changed outside Backtrack", c.FullName(), c.UID), e)
	}
}

// ofPage is the condition on a table's client number (the table as
// alias) for a page's rows.
func ofPage(alias string) string { return alias + ".client_id > ? AND " + alias + ".client_id <= ?" }

// compare names a record the history has no entry for, or whose latest
// entry holds another hash, among its kind's problems.
func (rc *recordCheck) compare(kind *[]orderedProblem, at time.Time, id int64, what func() string, uid, hash string) {
	switch e, ok := rc.latest.take(uid); {
	case !ok:
		*kind = append(*kind, orderedProblem{at: at, id: id, words: what() + " was added outside Backtrack: the record's history has no entry for it"})
	case !e.holds(hash):
		*kind = append(*kind, orderedProblem{at: at, id: id, words: what() + " was changed outside Backtrack", changed: true, after: e})
	}
}

// readNoteSeals reads the stored seal of the notes of a page's clients.
func readNoteSeals(ctx context.Context, tx *sql.Tx, after, last int64) (map[int64]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, content_hash FROM sessions WHERE client_id > ? AND client_id <= ?`, after, last)
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

// readEntry reads again the words of an entry the walk kept only the
// place of.
func readEntry(ctx context.Context, tx *sql.Tx, e latestEntry) (store.AuditEntry, error) {
	return scanAuditEntry(tx.QueryRowContext(ctx, `SELECT `+auditColumns+` FROM audit_log WHERE seq = ?`, e.seq))
}

// entryTime is when the entry was written, as a problem names it.
func entryTime(ctx context.Context, tx *sql.Tx, e latestEntry) (string, error) {
	full, err := readEntry(ctx, tx, e)
	return full.At.Format(store.StampLayout), err
}

// gone names every record the history holds that is no longer there and
// was not removed by Backtrack, by UID.
func (rc *recordCheck) gone(ctx context.Context, tx *sql.Tx) ([]string, error) {
	var entries []store.AuditEntry
	for _, kept := range rc.latest {
		if kept.found || kept.removed {
			continue
		}
		e, err := readEntry(ctx, tx, kept)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b store.AuditEntry) int { return strings.Compare(a.Record, b.Record) })
	var problems []string
	for _, e := range entries {
		kind := "the note"
		switch {
		case e.Record == e.Client:
			kind = "the client"
		case strings.HasPrefix(string(e.Action), "measure."):
			kind = "the outcome measure"
		case strings.HasPrefix(string(e.Action), "plan."):
			kind = "the treatment plan"
		case strings.HasPrefix(string(e.Action), "submission."):
			kind = "the client's submission"
		}
		problems = append(problems, fmt.Sprintf("%s %s was deleted outside Backtrack (last entry: %s, %s)", kind, e.Record, e.Action.Words(), e.At.Format(store.StampLayout)))
	}
	return problems, nil
}
