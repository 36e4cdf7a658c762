package sqlstore

import (
	"backtrack/store"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// periodBounds returns a period as start-text bounds for started_at.
func periodBounds(p store.Period) (from, until string) {
	from, until = "0000", "9999"
	if !p.From.IsZero() {
		from = p.From.Format(store.DateLayout)
	}
	if !p.To.IsZero() {
		until = p.To.AddDate(0, 0, 1).Format(store.DateLayout) // the whole last day
	}
	return from, until
}

// validateSession tidies sess in place and checks it against its client and
// the vocabulary, inside the saving transaction.
// It returns the client's identifier, which the audit entry names.
func (s *Store) validateSession(ctx context.Context, tx *sql.Tx, sess *store.Session) (clientUID string, err error) {
	var dob string
	err = tx.QueryRowContext(ctx, `SELECT date_of_birth, uid FROM clients WHERE id = ?`, sess.ClientID).Scan(&dob, &clientUID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("client %d: %w", sess.ClientID, store.ErrNotFound)
	}
	if err != nil {
		return "", err
	}
	p := sess.Validate(parseDate(dob), s.now())
	terms, err := readTerms(ctx, tx, *sess)
	if err != nil {
		return "", err
	}
	for _, k := range store.Kinds {
		sess.SetTags(k, resolveTags(terms, k, sess.Tags(k), &p))
	}
	sess.MapLocations()
	resolveBodyMap(terms, sess.BodyMap, &p)
	return clientUID, p.Err()
}

// vocabularyTerm is an entry of the vocabulary a session refers to.
type vocabularyTerm struct {
	kind    store.Kind
	name    string
	retired bool
}

// readTerms reads, in one query, every vocabulary entry sess's tags and
// body-map marks refer to (more after MapLocations adds locations are
// among them already: it maps marks' locations to tags).
func readTerms(ctx context.Context, tx *sql.Tx, sess store.Session) (map[int64]vocabularyTerm, error) {
	var ids []any
	seen := map[int64]bool{}
	add := func(id int64) {
		if id != 0 && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, k := range store.Kinds {
		for _, t := range sess.Tags(k) {
			add(t.TermID)
		}
	}
	for _, m := range sess.BodyMap {
		add(m.PainType.TermID)
		add(m.From.TermID)
	}
	out := map[int64]vocabularyTerm{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, name, retired FROM terms WHERE id IN (?`+
		strings.Repeat(", ?", len(ids)-1)+`)`, ids...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t vocabularyTerm
		var kind string
		if err := rows.Scan(&id, &kind, &t.name, &t.retired); err != nil {
			return nil, err
		}
		t.kind = store.Kind(kind)
		out[id] = t
	}
	return out, rows.Err()
}

// resolveTags checks each tag against the vocabulary, fills in its name,
// drops duplicates and clears sides on kinds that have none.
func resolveTags(terms map[int64]vocabularyTerm, kind store.Kind, tags []store.Tag, p *store.Problems) []store.Tag {
	field := string(kind)
	seen := map[int64]bool{}
	var out []store.Tag
	for _, t := range tags {
		if seen[t.TermID] {
			continue
		}
		seen[t.TermID] = true
		term, ok := terms[t.TermID]
		if !ok || term.kind != kind {
			p.Add(field, fmt.Sprintf("%s #%d is not in the vocabulary", kind.Label(), t.TermID))
			continue
		}
		t.Name, t.Retired = term.name, term.retired
		if !kind.HasSide() {
			t.Side = store.NoSide
		} else if t.Side != store.NoSide && t.Side != store.Left && t.Side != store.Right && t.Side != store.Both {
			p.Add(field, fmt.Sprintf("Side %q of %s must be left, right or both", t.Side, t.Name))
		}
		out = append(out, t)
	}
	return out
}

// saveDraft inserts a new session (ID 0) or replaces an existing one,
// with all its tags, in one transaction (Save).
func (s *Store) saveDraft(ctx context.Context, sess store.Session) (store.Session, error) {
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		sess, err = b.SaveSession(sess)
		return err
	})
	if err != nil {
		return store.Session{}, fmt.Errorf("save session: %w", err)
	}
	return sess, nil
}

// writeSession inserts a validated session, or updates a draft, with its
// tags in tx. A locked note (signed, legacy or voided) is refused with
// store.ErrLocked: it changes by amendment.
func writeSession(ctx context.Context, tx *sql.Tx, sess store.Session, stamp string) (store.Session, error) {
	if sess.ID != 0 {
		var signedAt, voidedAt string
		var legacy bool
		err := tx.QueryRowContext(ctx, `SELECT signed_at, legacy, voided_at FROM sessions WHERE id = ?`, sess.ID).
			Scan(&signedAt, &legacy, &voidedAt)
		if errors.Is(err, sql.ErrNoRows) {
			return store.Session{}, fmt.Errorf("session %d: %w", sess.ID, store.ErrNotFound)
		}
		if err != nil {
			return store.Session{}, err
		}
		if signedAt != "" || legacy || voidedAt != "" {
			return store.Session{}, fmt.Errorf("session %d: %w", sess.ID, store.ErrLocked)
		}
	}
	return writeContent(ctx, tx, sess, stamp)
}

// writeContent writes a session's content and tags, whatever its state:
// saving a draft and amending a signed note both end here.
func writeContent(ctx context.Context, tx *sql.Tx, sess store.Session, stamp string) (store.Session, error) {
	args := []any{sess.ClientID, sess.Start.Format(store.StartLayout), sess.DurationMin,
		painArg(sess.PainBefore), painArg(sess.PainAfter), sess.TriggerOther,
		sess.Notes.Subjective, sess.Notes.Objective, sess.Notes.Assessment, sess.Notes.Plan,
		sess.HomeCare, stamp, sess.Private}
	isNew := sess.ID == 0
	if isNew {
		if sess.UID == "" {
			sess.UID = store.NewUID()
		}
		err := tx.QueryRowContext(ctx, `
			INSERT INTO sessions (client_id, started_at, duration_min, pain_before, pain_after,
				trigger_other, subjective, objective, assessment, plan, home_care, updated_at, private, created_at, uid, author)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, author`,
			append(args, stamp, sess.UID, sess.Author)...).Scan(&sess.ID, &sess.Author)
		if err != nil {
			return store.Session{}, err
		}
		sess.CreatedAt, sess.Version = parseStamp(stamp), 1
	} else {
		res, err := tx.ExecContext(ctx, `
			UPDATE sessions SET client_id = ?, started_at = ?, duration_min = ?, pain_before = ?,
				pain_after = ?, trigger_other = ?, subjective = ?, objective = ?, assessment = ?,
				plan = ?, home_care = ?, updated_at = ?, private = ?, version = version + 1
			WHERE id = ? AND (? = 0 OR version = ?)`, append(args, sess.ID, sess.Version, sess.Version)...)
		if err != nil {
			return store.Session{}, err
		}
		if err := refuseStale(ctx, tx, res, "sessions", sess.ID); err != nil {
			return store.Session{}, err
		}
		if err := mustAffectOne(res, "session", sess.ID); err != nil {
			return store.Session{}, err
		}
		// The identifier never changes: the saved one is returned.
		if err := tx.QueryRowContext(ctx, `SELECT uid, version FROM sessions WHERE id = ?`, sess.ID).Scan(&sess.UID, &sess.Version); err != nil {
			return store.Session{}, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM session_tags WHERE session_id = ?`, sess.ID); err != nil {
			return store.Session{}, err
		}
	}
	sess.UpdatedAt = parseStamp(stamp)
	// every tag in one statement
	var tagArgs []any
	for _, k := range store.Kinds {
		for _, t := range sess.Tags(k) {
			tagArgs = append(tagArgs, sess.ID, t.TermID, string(t.Side))
		}
	}
	if len(tagArgs) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_tags (session_id, term_id, side) VALUES (?, ?, ?)`+
			strings.Repeat(", (?, ?, ?)", len(tagArgs)/3-1), tagArgs...); err != nil {
			return store.Session{}, err
		}
	}
	if err := writeBodyMap(ctx, tx, sess, isNew); err != nil {
		return store.Session{}, err
	}
	if err := writeProgramme(ctx, tx, sess, isNew); err != nil {
		return store.Session{}, err
	}
	return sess, nil
}

// DeleteSession discards a draft note, with an entry in the audit log. A
// signed note is never deleted (store.ErrLocked): it is voided.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sess, clientUID, err := sessionInTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if !sess.Draft() {
			return fmt.Errorf("session %d: %w", id, store.ErrLocked)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id); err != nil {
			return err
		}
		if err := s.refreshVisits(ctx, tx, sess.ClientID); err != nil {
			return err
		}
		return s.appendLog(ctx, tx, store.AuditEntry{Action: store.SessionDiscarded, Record: sess.UID, Client: clientUID,
			Detail: "Draft of " + sess.Start.Format(store.StartLayout), Content: store.NoteHash(clientUID, sess)})
	})
	if err != nil {
		return fmt.Errorf("discard draft: %w", err)
	}
	return nil
}

// sessionInTx reads one session, with its client's identifier, in tx.
func sessionInTx(ctx context.Context, tx *sql.Tx, id int64) (store.Session, string, error) {
	found, err := readSessions(ctx, tx, `s.id = ?`, id)
	if err != nil {
		return store.Session{}, "", err
	}
	if len(found) == 0 {
		return store.Session{}, "", fmt.Errorf("session %d: %w", id, store.ErrNotFound)
	}
	var clientUID string
	if err := tx.QueryRowContext(ctx, `SELECT uid FROM clients WHERE id = ?`, found[0].ClientID).Scan(&clientUID); err != nil {
		return store.Session{}, "", err
	}
	return found[0], clientUID, nil
}

const sessionColumns = `s.id, s.client_id, s.started_at, s.duration_min, s.pain_before, s.pain_after,
	s.trigger_other, s.subjective, s.objective, s.assessment, s.plan, s.home_care,
	s.created_at, s.updated_at, s.uid, s.signed_at, s.signed_by, s.legacy, s.voided_at, s.voided_by, s.void_reason,
	s.author, s.private, s.version`

// Session returns one session with its tags.
func (s *Store) Session(ctx context.Context, id int64) (store.Session, error) {
	return s.sessionWhere(ctx, fmt.Sprint(id), `s.id = ?`, id)
}

// SessionByUID returns the session with that UUID (store.Session.UID),
// case ignored, with its tags.
func (s *Store) SessionByUID(ctx context.Context, uid string) (store.Session, error) {
	return s.sessionWhere(ctx, uid, `s.uid = lower(?)`, strings.TrimSpace(uid))
}

func (s *Store) sessionWhere(ctx context.Context, name, where string, arg any) (store.Session, error) {
	var out []store.Session
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readSessions(ctx, tx, where, arg)
		return err
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("session %s: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return store.Session{}, fmt.Errorf("get session: %w", err)
	}
	return out[0], nil
}

// ClientHistory returns a client's sessions in a period, newest first, each
// with every tag.
func (s *Store) ClientHistory(ctx context.Context, clientID int64, period store.Period) ([]store.Session, error) {
	from, until := periodBounds(period)
	var out []store.Session
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
func (s *Store) LastSession(ctx context.Context, clientID int64) (store.Session, error) {
	var out []store.Session
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readSessions(ctx, tx, `s.id = (SELECT id FROM sessions WHERE client_id = ? AND voided_at = ''
			ORDER BY started_at DESC, id DESC LIMIT 1)`, clientID)
		return err
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("client %d has no session: %w", clientID, store.ErrNotFound)
	}
	if err != nil {
		return store.Session{}, fmt.Errorf("last session: %w", err)
	}
	return out[0], nil
}

// readSessions loads the sessions matching where, newest first, then the
// vocabulary, and their tags, body marks and amendments in one query each.
func readSessions(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]store.Session, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+sessionColumns+` FROM sessions s WHERE `+where+`
		ORDER BY s.started_at DESC, s.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Session
	index := map[int64]int{}
	for rows.Next() {
		var sess store.Session
		var start, created, updated, signed, voided string
		var before, after sql.NullInt64
		if err := rows.Scan(&sess.ID, &sess.ClientID, &start, &sess.DurationMin, &before, &after,
			&sess.TriggerOther, &sess.Notes.Subjective, &sess.Notes.Objective, &sess.Notes.Assessment,
			&sess.Notes.Plan, &sess.HomeCare, &created, &updated, &sess.UID,
			&signed, &sess.SignedBy, &sess.Legacy, &voided, &sess.VoidedBy, &sess.VoidReason,
			&sess.Author, &sess.Private, &sess.Version); err != nil {
			return nil, err
		}
		sess.SignedAt, sess.VoidedAt = parseStamp(signed), parseStamp(voided)
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
	vocab, err := readVocabularyOrder(ctx, tx)
	if err != nil {
		return nil, err
	}
	parts := noteRows{out: out, where: where, args: args}
	filter, filterArgs := parts.filter(`st.session_id`)
	tagRows, err := tx.QueryContext(ctx, `SELECT st.session_id, st.term_id, st.side FROM session_tags st`+filter, filterArgs...)
	if err != nil {
		return nil, err
	}
	defer tagRows.Close()
	for tagRows.Next() {
		var sessionID, termID int64
		var side string
		if err := tagRows.Scan(&sessionID, &termID, &side); err != nil {
			return nil, err
		}
		kind, t := vocab.tag(termID, side)
		sess := &out[index[sessionID]]
		sess.SetTags(kind, append(sess.Tags(kind), t))
	}
	if err := tagRows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		vocab.sortTags(&out[i])
	}
	if err := readBodyMaps(ctx, tx, vocab, parts, index); err != nil {
		return nil, err
	}
	if err := readProgrammes(ctx, tx, parts, index); err != nil {
		return nil, err
	}
	return out, readAmendments(ctx, tx, parts, index)
}

// PainTrend returns a client's pain before and after each visit in a
// period, oldest first. The desk's chart and the printed report both read it.
func (s *Store) PainTrend(ctx context.Context, clientID int64, period store.Period) ([]store.TrendPoint, error) {
	from, until := periodBounds(period)
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, started_at, pain_before, pain_after, signed_at = '' AND legacy = FALSE FROM sessions
		WHERE client_id = ? AND started_at >= ? AND started_at < ? AND voided_at = ''
		ORDER BY started_at, id`, clientID, from, until)
	if err != nil {
		return nil, fmt.Errorf("pain trend: %w", err)
	}
	defer rows.Close()
	var out []store.TrendPoint
	for rows.Next() {
		var p store.TrendPoint
		var start string
		var before, after sql.NullInt64
		if err := rows.Scan(&p.SessionID, &start, &before, &after, &p.Draft); err != nil {
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
