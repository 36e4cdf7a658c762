package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Period is a range of days, both ends included. A zero end is open.
type Period struct {
	From time.Time
	To   time.Time
}

// bounds returns the period as start-text bounds for started_at.
func (p Period) bounds() (from, until string) {
	from, until = "0000", "9999"
	if !p.From.IsZero() {
		from = p.From.Format(DateLayout)
	}
	if !p.To.IsZero() {
		until = p.To.AddDate(0, 0, 1).Format(DateLayout) // the whole last day
	}
	return from, until
}

// validateSession tidies sess in place and checks it against its client and
// the vocabulary, inside the saving transaction.
func (s *Store) validateSession(ctx context.Context, tx *sql.Tx, sess *Session) error {
	sess.Start = sess.Start.Truncate(time.Minute)
	sess.TriggerOther = tidyLine(sess.TriggerOther)
	sess.Notes.Subjective = tidyNote(sess.Notes.Subjective)
	sess.Notes.Objective = tidyNote(sess.Notes.Objective)
	sess.Notes.Assessment = tidyNote(sess.Notes.Assessment)
	sess.Notes.Plan = tidyNote(sess.Notes.Plan)
	sess.HomeCare = tidyNote(sess.HomeCare)

	var dob string
	err := tx.QueryRowContext(ctx, `SELECT date_of_birth FROM clients WHERE id = ?`, sess.ClientID).Scan(&dob)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("client %d: %w", sess.ClientID, ErrNotFound)
	}
	if err != nil {
		return err
	}

	var p problems
	switch {
	case sess.Start.IsZero():
		p.add("start", "Date is required")
	case dob != "" && sess.Start.Format(DateLayout) < dob:
		p.add("start", fmt.Sprintf("Date %s is before the client's date of birth (%s)", sess.Start.Format(DateLayout), dob))
	case sess.Start.After(s.now().Add(24 * time.Hour)):
		p.add("start", fmt.Sprintf("Date %s is more than a day in the future", sess.Start.Format(StartLayout)))
	}
	if sess.DurationMin < 1 || sess.DurationMin > 600 {
		p.add("duration", fmt.Sprintf("Duration must be between 1 and 600 minutes (got %d)", sess.DurationMin))
	}
	checkPain(&p, "pain_before", "Pain before", sess.PainBefore)
	checkPain(&p, "pain_after", "Pain after", sess.PainAfter)
	for _, k := range Kinds {
		tags, err := resolveTags(ctx, tx, k, sess.Tags(k), &p)
		if err != nil {
			return err
		}
		sess.SetTags(k, tags)
	}
	p.checkLine("trigger_other", "Other trigger", sess.TriggerOther, maxLineLen)
	p.checkNote("subjective", "Subjective note", sess.Notes.Subjective)
	p.checkNote("objective", "Objective note", sess.Notes.Objective)
	p.checkNote("assessment", "Assessment", sess.Notes.Assessment)
	p.checkNote("plan", "Plan", sess.Notes.Plan)
	p.checkNote("home_care", "Home care", sess.HomeCare)
	return p.err()
}

func checkPain(p *problems, field, label string, pain Pain) {
	if pain.Recorded && (pain.Score < 0 || pain.Score > 10) {
		p.add(field, fmt.Sprintf("%s must be between 0 and 10 (got %d)", label, pain.Score))
	}
}

// resolveTags checks each tag against the vocabulary, fills in its name,
// drops duplicates and clears sides on kinds that have none.
func resolveTags(ctx context.Context, tx *sql.Tx, kind Kind, tags []Tag, p *problems) ([]Tag, error) {
	field := string(kind)
	seen := map[int64]bool{}
	var out []Tag
	for _, t := range tags {
		if seen[t.TermID] {
			continue
		}
		seen[t.TermID] = true
		var termKind string
		err := tx.QueryRowContext(ctx, `SELECT kind, name, retired FROM terms WHERE id = ?`, t.TermID).
			Scan(&termKind, &t.Name, &t.Retired)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && Kind(termKind) != kind) {
			p.add(field, fmt.Sprintf("%s #%d is not in the vocabulary", kind.Label(), t.TermID))
			continue
		}
		if err != nil {
			return nil, err
		}
		if !kind.HasSide() {
			t.Side = NoSide
		} else if t.Side != NoSide && t.Side != Left && t.Side != Right && t.Side != Both {
			p.add(field, fmt.Sprintf("Side %q of %s must be left, right or both", t.Side, t.Name))
		}
		out = append(out, t)
	}
	return out, nil
}

// SaveSession inserts a new session (ID 0) or replaces an existing one,
// with all its tags, in one transaction.
func (s *Store) SaveSession(ctx context.Context, sess Session) (Session, error) {
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		sess, err = b.SaveSession(sess)
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("save session: %w", err)
	}
	return sess, nil
}

// writeSession inserts or updates a validated session and its tags in tx.
func writeSession(ctx context.Context, tx *sql.Tx, sess Session, stamp string) (Session, error) {
	args := []any{sess.ClientID, sess.Start.Format(StartLayout), sess.DurationMin,
		painArg(sess.PainBefore), painArg(sess.PainAfter), sess.TriggerOther,
		sess.Notes.Subjective, sess.Notes.Objective, sess.Notes.Assessment, sess.Notes.Plan,
		sess.HomeCare, stamp}
	if sess.ID == 0 {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO sessions (client_id, started_at, duration_min, pain_before, pain_after,
				trigger_other, subjective, objective, assessment, plan, home_care, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, stamp)...)
		if err != nil {
			return Session{}, err
		}
		if sess.ID, err = res.LastInsertId(); err != nil {
			return Session{}, err
		}
		sess.CreatedAt = parseStamp(stamp)
	} else {
		res, err := tx.ExecContext(ctx, `
			UPDATE sessions SET client_id = ?, started_at = ?, duration_min = ?, pain_before = ?,
				pain_after = ?, trigger_other = ?, subjective = ?, objective = ?, assessment = ?,
				plan = ?, home_care = ?, updated_at = ?
			WHERE id = ?`, append(args, sess.ID)...)
		if err != nil {
			return Session{}, err
		}
		if err := mustAffectOne(res, "session", sess.ID); err != nil {
			return Session{}, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM session_tags WHERE session_id = ?`, sess.ID); err != nil {
			return Session{}, err
		}
	}
	sess.UpdatedAt = parseStamp(stamp)
	for _, k := range Kinds {
		for _, t := range sess.Tags(k) {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO session_tags (session_id, term_id, side) VALUES (?, ?, ?)`,
				sess.ID, t.TermID, string(t.Side)); err != nil {
				return Session{}, err
			}
		}
	}
	return sess, nil
}

// DeleteSession removes a session and its tags.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return mustAffectOne(res, "session", id)
	})
	if err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

const sessionColumns = `s.id, s.client_id, s.started_at, s.duration_min, s.pain_before, s.pain_after,
	s.trigger_other, s.subjective, s.objective, s.assessment, s.plan, s.home_care,
	s.created_at, s.updated_at`

// Session returns one session with its tags.
func (s *Store) Session(ctx context.Context, id int64) (Session, error) {
	var out []Session
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readSessions(ctx, tx, `s.id = ?`, id)
		return err
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("session %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Session{}, fmt.Errorf("get session: %w", err)
	}
	return out[0], nil
}

// ClientHistory returns a client's sessions in a period, newest first, each
// with every tag.
func (s *Store) ClientHistory(ctx context.Context, clientID int64, period Period) ([]Session, error) {
	from, until := period.bounds()
	var out []Session
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readSessions(ctx, tx, `s.client_id = ? AND s.started_at >= ? AND s.started_at < ?`,
			clientID, from, until)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("client history: %w", err)
	}
	return out, nil
}

// LastSession returns the client's most recent session, or ErrNotFound.
func (s *Store) LastSession(ctx context.Context, clientID int64) (Session, error) {
	var out []Session
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readSessions(ctx, tx, `s.id = (SELECT id FROM sessions WHERE client_id = ?
			ORDER BY started_at DESC, id DESC LIMIT 1)`, clientID)
		return err
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("client %d has no session: %w", clientID, ErrNotFound)
	}
	if err != nil {
		return Session{}, fmt.Errorf("last session: %w", err)
	}
	return out[0], nil
}

// readSessions loads the sessions matching where, newest first, then all
// their tags in one more query.
func readSessions(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]Session, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+sessionColumns+` FROM sessions s WHERE `+where+`
		ORDER BY s.started_at DESC, s.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Session
	index := map[int64]int{}
	for rows.Next() {
		var sess Session
		var start, created, updated string
		var before, after sql.NullInt64
		if err := rows.Scan(&sess.ID, &sess.ClientID, &start, &sess.DurationMin, &before, &after,
			&sess.TriggerOther, &sess.Notes.Subjective, &sess.Notes.Objective, &sess.Notes.Assessment,
			&sess.Notes.Plan, &sess.HomeCare, &created, &updated); err != nil {
			return nil, err
		}
		sess.Start = parseStart(start)
		sess.PainBefore, sess.PainAfter = painFrom(before), painFrom(after)
		sess.CreatedAt, sess.UpdatedAt = parseStamp(created), parseStamp(updated)
		index[sess.ID] = len(out)
		out = append(out, sess)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	tagRows, err := tx.QueryContext(ctx, `
		SELECT st.session_id, t.id, t.kind, t.name, t.retired, st.side
		FROM session_tags st
		JOIN terms t ON t.id = st.term_id
		JOIN sessions s ON s.id = st.session_id
		WHERE `+where+`
		ORDER BY st.session_id, t.builtin DESC, t.position, t.name_key`, args...)
	if err != nil {
		return nil, err
	}
	defer tagRows.Close()
	for tagRows.Next() {
		var sessionID int64
		var kind, side string
		var t Tag
		if err := tagRows.Scan(&sessionID, &t.TermID, &kind, &t.Name, &t.Retired, &side); err != nil {
			return nil, err
		}
		t.Side = Side(side)
		sess := &out[index[sessionID]]
		sess.SetTags(Kind(kind), append(sess.Tags(Kind(kind)), t))
	}
	return out, tagRows.Err()
}

// PainTrend returns a client's pain before and after each visit in a
// period, oldest first. The desk's chart and the printed report both read it.
func (s *Store) PainTrend(ctx context.Context, clientID int64, period Period) ([]TrendPoint, error) {
	from, until := period.bounds()
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, started_at, pain_before, pain_after FROM sessions
		WHERE client_id = ? AND started_at >= ? AND started_at < ?
		ORDER BY started_at, id`, clientID, from, until)
	if err != nil {
		return nil, fmt.Errorf("pain trend: %w", err)
	}
	defer rows.Close()
	var out []TrendPoint
	for rows.Next() {
		var p TrendPoint
		var start string
		var before, after sql.NullInt64
		if err := rows.Scan(&p.SessionID, &start, &before, &after); err != nil {
			return nil, fmt.Errorf("pain trend: %w", err)
		}
		p.Start = parseStart(start)
		p.Before, p.After = painFrom(before), painFrom(after)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pain trend: %w", err)
	}
	return out, nil
}

// TagLabels joins tag labels for one line of a list: "Stiffness, Dull ache".
func TagLabels(tags []Tag) string {
	labels := make([]string, len(tags))
	for i, t := range tags {
		labels[i] = t.Label()
	}
	return strings.Join(labels, ", ")
}
