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

// recordCheck is the walk of the records against the history, on one
// snapshot, a page of clients at a time. Each kind of record's problems
// are kept apart and put in the order the check has always named them in
// (clients by number, notes newest first, measures oldest first, plans by
// number, submissions newest first), whatever the pages.
type recordCheck struct {
	ctx    context.Context
	tx     *sql.Tx
	latest latestByRecord

	clients                         []string
	notes, measures, plans, submits []orderedProblem
	brokenSeals                     int
}

// orderedProblem is a problem with where its record stands in its kind's
// order.
type orderedProblem struct {
	at    time.Time
	id    int64
	words string
}

// recordFindings is what the walk of the records found: every problem in
// order, and how many of them are signed notes that do not match their
// seal.
type recordFindings struct {
	problems    []string
	brokenSeals int
}

// verifyRecords compares every client, note, measure, plan and submission
// with its latest entry (and each signed note and submission with its
// seal), then names the records of the history no longer there.
func verifyRecords(ctx context.Context, tx *sql.Tx, latest latestByRecord) (recordFindings, error) {
	rc := &recordCheck{ctx: ctx, tx: tx, latest: latest}
	// (after, last]: a page's notes, measures and plans are those of
	// client numbers after the page before's last, so none falls between
	// pages; the last step reads any whose client is gone
	for after := int64(math.MinInt64); ; {
		page, err := rc.clientPage(after)
		if err != nil {
			return recordFindings{}, err
		}
		last := int64(math.MaxInt64)
		if len(page) > 0 {
			last = page[len(page)-1].ID
		}
		byID := make(map[int64]store.Client, len(page))
		for _, c := range page {
			byID[c.ID] = c
		}
		if err := rc.checkPage(byID, after, last); err != nil {
			return recordFindings{}, err
		}
		if len(page) == 0 {
			break
		}
		after = last
	}
	gone, err := rc.gone()
	if err != nil {
		return recordFindings{}, err
	}
	newestFirst := func(a, b orderedProblem) int { return cmp.Or(b.at.Compare(a.at), cmp.Compare(b.id, a.id)) }
	oldestFirst := func(a, b orderedProblem) int { return cmp.Or(a.at.Compare(b.at), cmp.Compare(a.id, b.id)) }
	problems := rc.clients
	for _, kind := range []struct {
		problems []orderedProblem
		order    func(a, b orderedProblem) int
	}{{rc.notes, newestFirst}, {rc.measures, oldestFirst}, {rc.plans, oldestFirst}, {rc.submits, newestFirst}} {
		slices.SortStableFunc(kind.problems, kind.order)
		for _, p := range kind.problems {
			problems = append(problems, p.words)
		}
	}
	return recordFindings{problems: append(problems, gone...), brokenSeals: rc.brokenSeals}, nil
}

// clientPage reads the clients after the given number, a page of them,
// and compares each with their latest entry once the page is read (a
// problem reads its entry again, and a server's connection reads one
// statement at a time).
func (rc *recordCheck) clientPage(after int64) ([]store.Client, error) {
	rows, err := rc.tx.QueryContext(rc.ctx, `SELECT `+clientColumns+`, c.intake, c.red_flags, c.consents
		FROM clients c WHERE c.id > ? ORDER BY c.id LIMIT ?`, after, verifyClientsPerPage)
	if err != nil {
		return nil, err
	}
	var page []store.Client
	var healths []healthColumns
	for rows.Next() {
		var health healthColumns
		c, err := scanClient(rows, &health.intake, &health.redFlags, &health.consents)
		if err != nil {
			rows.Close()
			return nil, err
		}
		page, healths = append(page, c), append(healths, health)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, c := range page {
		if err := rc.checkClient(c, healths[i]); err != nil {
			return nil, err
		}
	}
	return page, nil
}

func (rc *recordCheck) checkClient(c store.Client, health healthColumns) error {
	e, found := rc.latest.take(c.UID)
	h, err := decodeHealth(health)
	if err != nil {
		rc.clients = append(rc.clients, fmt.Sprintf("client %s (%s): their health record cannot be read (%v); it was changed outside Backtrack", c.FullName(), c.UID, err))
		return nil
	}
	switch {
	case !found:
		rc.clients = append(rc.clients, fmt.Sprintf("client %s (%s) was added outside Backtrack: the record's history has no entry for them", c.FullName(), c.UID))
	case !e.holds(store.ClientRecordHash(c, h)):
		at, err := rc.entryTime(e)
		if err != nil {
			return err
		}
		rc.clients = append(rc.clients, fmt.Sprintf("client %s (%s): their details were changed outside Backtrack after %s", c.FullName(), c.UID, at))
	}
	return nil
}

// checkPage compares the notes, measures, plans and submissions of the
// clients numbered after after up to last (clients holds those read).
func (rc *recordCheck) checkPage(clients map[int64]store.Client, after, last int64) error {
	sessions, err := readSessions(rc.ctx, rc.tx, ofPage("s"), after, last)
	if err != nil {
		return err
	}
	seals, err := rc.noteSeals(after, last)
	if err != nil {
		return err
	}
	for _, sess := range sessions {
		c := clients[sess.ClientID]
		// named only for a problem: building the words for each of ten
		// years' notes cost more than comparing them
		what := func() string {
			return fmt.Sprintf("the note of %s on %s (%s)", c.FullName(), sess.Start.Format(store.StartLayout), sess.UID)
		}
		hash := store.NoteHash(c.UID, sess)
		if err := rc.compare(&rc.notes, sess.Start, sess.ID, what, sess.UID, hash); err != nil {
			return err
		}
		if sess.Locked() && seals[sess.ID] != hash {
			rc.brokenSeals++
			rc.notes = append(rc.notes, orderedProblem{sess.Start, sess.ID,
				"signed " + what() + " does not match its seal: it was changed outside Backtrack"})
		}
	}
	measures, err := readMeasures(rc.ctx, rc.tx, ofPage("m"), after, last)
	if err != nil {
		return err
	}
	for _, m := range measures {
		c := clients[m.ClientID]
		what := func() string {
			return fmt.Sprintf("the %s of %s on %s (%s)", m.Kind.Label(), c.FullName(), m.Taken.Format(store.DateLayout), m.UID)
		}
		if err := rc.compare(&rc.measures, m.Taken, m.ID, what, m.UID, store.MeasureHash(c.UID, m)); err != nil {
			return err
		}
	}
	plans, err := readPlans(rc.ctx, rc.tx, ofPage("p"), after, last)
	if err != nil {
		return err
	}
	for _, p := range plans {
		c := clients[p.ClientID]
		what := func() string { return fmt.Sprintf("the treatment plan of %s (%s)", c.FullName(), p.UID) }
		if err := rc.compare(&rc.plans, time.Time{}, p.ID, what, p.UID, store.PlanHash(c.UID, p)); err != nil {
			return err
		}
	}
	return rc.checkSubmissions(clients, ofPage("s"), after, last)
}

// ofPage is the condition on a table's client number (the table as
// alias) for a page's rows.
func ofPage(alias string) string { return alias + ".client_id > ? AND " + alias + ".client_id <= ?" }

// compare names a record the history has no entry for, or whose latest
// entry holds another hash, among its kind's problems.
func (rc *recordCheck) compare(kind *[]orderedProblem, at time.Time, id int64, what func() string, uid, hash string) error {
	switch e, ok := rc.latest.take(uid); {
	case !ok:
		*kind = append(*kind, orderedProblem{at, id, what() + " was added outside Backtrack: the record's history has no entry for it"})
	case !e.holds(hash):
		when, err := rc.entryTime(e)
		if err != nil {
			return err
		}
		*kind = append(*kind, orderedProblem{at, id, what() + " was changed outside Backtrack after " + when})
	}
	return nil
}

// noteSeals reads the stored seal of the notes of a page's clients.
func (rc *recordCheck) noteSeals(after, last int64) (map[int64]string, error) {
	rows, err := rc.tx.QueryContext(rc.ctx, `SELECT id, content_hash FROM sessions WHERE client_id > ? AND client_id <= ?`, after, last)
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

// entry reads again the words of an entry the walk kept only the place of.
func (rc *recordCheck) entry(e latestEntry) (store.AuditEntry, error) {
	return scanAuditEntry(rc.tx.QueryRowContext(rc.ctx, `SELECT `+auditColumns+` FROM audit_log WHERE seq = ?`, e.seq))
}

// entryTime is when the entry was written, as a problem names it.
func (rc *recordCheck) entryTime(e latestEntry) (string, error) {
	full, err := rc.entry(e)
	return full.At.Format(store.StampLayout), err
}

// gone names every record the history holds that is no longer there and
// was not removed by Backtrack, by UID.
func (rc *recordCheck) gone() ([]string, error) {
	var entries []store.AuditEntry
	for _, kept := range rc.latest {
		if kept.found || kept.removed {
			continue
		}
		e, err := rc.entry(kept)
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
