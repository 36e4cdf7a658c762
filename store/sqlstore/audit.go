package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os/user"
	"strings"
	"time"

	"backtrack/store"
)

// WithActor names who makes the changes this store records in the audit
// log: the desk passes the therapist's name from Settings, the command line
// the computer's user. It is asked at each change, so a name typed in
// Settings counts from the next change on.
func WithActor(actor func() string) Option { return func(s *Store) { s.actor = actor } }

// systemUser is the computer's user, the actor when nobody is named.
func systemUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown user"
}

// actorName is who is making a change now.
func (s *Store) actorName() string {
	if s.actor != nil {
		if name := strings.TrimSpace(s.actor()); name != "" {
			return name
		}
	}
	return systemUser()
}

// appendLog adds e to the audit log inside tx, chained to the last entry.
// The database refuses to change or delete an entry once written.
func (s *Store) appendLog(ctx context.Context, tx *sql.Tx, e store.AuditEntry) error {
	if e.At.IsZero() {
		e.At = s.now()
	}
	e.At = e.At.Truncate(time.Second)
	if e.Actor == "" {
		e.Actor = s.actorName()
	}
	if s.serverLog {
		return s.appendOnServer(ctx, tx, e)
	}
	// a write transaction reads the log's last entry once (inTx holds
	// the write lock, so no one else appends meanwhile)
	head, _ := s.heads.Load(tx)
	last, _ := head.(*logHead)
	if last == nil {
		last = &logHead{}
	}
	if !last.known {
		err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&last.seq, &last.hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("audit log: %w", err)
		}
		last.known = true
	}
	e.Seq, e.Prev = last.seq+1, last.hash
	e.Hash = e.Seal()
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (seq, at, actor, action, record, client, detail, content, origin, prev, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Seq, e.At.Format(store.StampLayout), e.Actor, string(e.Action), e.Record, e.Client, e.Detail, e.Content,
		e.Origin, e.Prev, e.Hash)
	if err != nil {
		last.known = false // the transaction fails; read the log again if it goes on
		return fmt.Errorf("audit log: %w", err)
	}
	last.seq, last.hash = e.Seq, e.Hash
	last.appended++
	s.noteChange(tx, e)
	return nil
}

// appendOnServer has the practice server write e (migration 014): it
// numbers and chains the entry, names the login role as its actor (only
// the schema's owner names another, as a move keeps each entry's) and
// seals it, so no login writes an entry the server did not.
func (s *Store) appendOnServer(ctx context.Context, tx *sql.Tx, e store.AuditEntry) error {
	err := tx.QueryRowContext(ctx, `SELECT seq, actor, prev, hash FROM backtrack_append_log(?, ?, ?, ?, ?, ?, ?, ?)`,
		e.At.Format(store.StampLayout), e.Actor, string(e.Action), e.Record, e.Client, e.Detail, e.Content, e.Origin).
		Scan(&e.Seq, &e.Actor, &e.Prev, &e.Hash)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	if head, _ := s.heads.Load(tx); head != nil {
		head.(*logHead).appended++
	}
	s.noteChange(tx, e)
	return nil
}

// logHead is the audit log's last entry as a write transaction sees it.
type logHead struct {
	known bool
	seq   int64
	hash  string
	// appended counts the entries the transaction added: one per record
	// written, so a bulk write is known by it (afterWrite)
	appended int
}

// LogEvent records something done with the record as a whole or with one
// client's (a report printed, an export, a backup, a restore): clientUID is
// "" when it concerns the whole record. detail says what, in plain words.
func (s *Store) LogEvent(ctx context.Context, action store.Action, clientUID, detail string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return s.appendLog(ctx, tx, store.AuditEntry{Action: action, Record: clientUID, Client: clientUID, Detail: detail})
	})
	if err != nil {
		return fmt.Errorf("record %s: %w", action, err)
	}
	return nil
}

// AuditLog reads the log, oldest first: all of it, or one client's entries,
// in a period.
func (s *Store) AuditLog(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error) {
	where := []string{"at >= ?", "at < ?"}
	from, until := periodBounds(store.Period{From: q.From, To: q.To})
	args := []any{from, until}
	if q.ClientUID != "" {
		where = append(where, "client = ?")
		args = append(args, q.ClientUID)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+auditColumns+`
		FROM audit_log WHERE `+strings.Join(where, " AND ")+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	defer rows.Close()
	var out []store.AuditEntry
	for rows.Next() {
		e, err := scanAuditEntry(rows)
		if err != nil {
			return nil, fmt.Errorf("audit log: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

const auditColumns = `seq, at, actor, action, record, client, detail, content, origin, prev, hash`

func scanAuditEntry(row scanner) (store.AuditEntry, error) {
	var e store.AuditEntry
	var at, action string
	err := row.Scan(&e.Seq, &at, &e.Actor, &action, &e.Record, &e.Client, &e.Detail, &e.Content, &e.Origin, &e.Prev, &e.Hash)
	e.At, e.Action = parseStamp(at), store.Action(action)
	return e, err
}

// startLog is migration 3's work in Go: the log's first entry, then one
// entry per record already there (clients, then sessions, each with its
// content's hash), and the seal of every note written before signing
// existed. It reads exactly the columns schema version 3 has, so it stays
// right when later versions add more.
func (s *Store) startLog(ctx context.Context, tx *sql.Tx) error {
	const actor = "Backtrack (records brought up to date)"
	if err := s.appendLog(ctx, tx, store.AuditEntry{Action: store.LogStarted, Actor: actor,
		Detail: "Notes recorded before this version are marked as written before signing existed."}); err != nil {
		return err
	}
	// the clients as schema version 3 has them (no version column yet)
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumnsV3+`, 1 FROM clients c ORDER BY c.id`)
	if err != nil {
		return err
	}
	var clients []store.Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			rows.Close()
			return err
		}
		clients = append(clients, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	uidOf := map[int64]string{}
	for _, c := range clients {
		uidOf[c.ID] = c.UID
		if err := s.appendLog(ctx, tx, store.AuditEntry{Action: store.RecordMigrated, Actor: actor,
			Record: c.UID, Client: c.UID, Content: store.ClientHash(c)}); err != nil {
			return err
		}
	}
	sessions, err := readSessionsV3(ctx, tx)
	if err != nil {
		return err
	}
	for _, sess := range sessions {
		hash := store.NoteHash(uidOf[sess.ClientID], sess)
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET content_hash = ? WHERE id = ?`, hash, sess.ID); err != nil {
			return err
		}
		if err := s.appendLog(ctx, tx, store.AuditEntry{Action: store.RecordMigrated, Actor: actor,
			Record: sess.UID, Client: uidOf[sess.ClientID], Content: hash}); err != nil {
			return err
		}
	}
	return nil
}

// readSessionsV3 reads every session with its tags as schema version 3
// stores them, oldest first.
func readSessionsV3(ctx context.Context, tx *sql.Tx) ([]store.Session, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, uid, client_id, started_at, duration_min, pain_before, pain_after,
		trigger_other, subjective, objective, assessment, plan, home_care, legacy FROM sessions ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var out []store.Session
	index := map[int64]int{}
	for rows.Next() {
		var sess store.Session
		var start string
		var before, after sql.NullInt64
		if err := rows.Scan(&sess.ID, &sess.UID, &sess.ClientID, &start, &sess.DurationMin, &before, &after,
			&sess.TriggerOther, &sess.Notes.Subjective, &sess.Notes.Objective, &sess.Notes.Assessment,
			&sess.Notes.Plan, &sess.HomeCare, &sess.Legacy); err != nil {
			rows.Close()
			return nil, err
		}
		sess.Start = parseStart(start)
		sess.PainBefore, sess.PainAfter = painFrom(before), painFrom(after)
		index[sess.ID] = len(out)
		out = append(out, sess)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	tags, err := tx.QueryContext(ctx, `SELECT st.session_id, t.kind, t.name, st.side
		FROM session_tags st JOIN terms t ON t.id = st.term_id`)
	if err != nil {
		return nil, err
	}
	defer tags.Close()
	for tags.Next() {
		var id int64
		var kind, name, side string
		if err := tags.Scan(&id, &kind, &name, &side); err != nil {
			return nil, err
		}
		sess := &out[index[id]]
		sess.SetTags(store.Kind(kind), append(sess.Tags(store.Kind(kind)), store.Tag{Name: name, Side: store.Side(side)}))
	}
	return out, tags.Err()
}

// RecordLabels names every client and note for the lines of the record's
// history: "Marta Nowak" for a client, "Marta Nowak, visit of 2026-10-01
// 09:30" for a note, by their identifiers.
func (s *Store) RecordLabels(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.uid, c.first_name, c.last_name, s.uid, s.started_at
			FROM clients c LEFT JOIN sessions s ON s.client_id = c.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var clientUID, first, last string
			var sessionUID, start sql.NullString
			if err := rows.Scan(&clientUID, &first, &last, &sessionUID, &start); err != nil {
				return err
			}
			name := strings.TrimSpace(first + " " + last)
			out[clientUID] = name
			if sessionUID.Valid {
				out[sessionUID.String] = name + ", visit of " + start.String
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("record labels: %w", err)
	}
	return out, nil
}
