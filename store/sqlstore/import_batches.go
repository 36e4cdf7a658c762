package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"backtrack/store"
)

// ImportBatch is one import of clients or of visits, kept so that it can
// be taken back as one step while nothing has been recorded on its
// clients since.
type ImportBatch struct {
	UID      string
	At       time.Time
	Source   string // the file's name, "" when not given
	Clients  int    // the clients it added
	Sessions int    // the sessions it added, to clients recorded before
}

// Words names the batch for the therapist: "the import of patients.csv
// (12 clients, 2026-12-07 18:40)".
func (b ImportBatch) Words() string {
	what := "the import"
	if b.Source != "" {
		what += " of " + b.Source
	}
	added := plural(b.Clients, "client", "clients")
	if b.Sessions > 0 {
		added = plural(b.Sessions, "session", "sessions")
	}
	return fmt.Sprintf("%s (%s, %s)", what, added, b.At.Format(store.StartLayout))
}

// ErrNoImportToUndo is an undo with no import left to take back.
var ErrNoImportToUndo = errors.New("there is no import of clients to undo")

// ImportUndoRefused is an undo refused because something was recorded on
// some of the import's clients after it: taking them away would take that
// with them.
type ImportUndoRefused struct {
	Batch   ImportBatch
	Changed []string // the clients' names, in the order they were added
}

func (e *ImportUndoRefused) Error() string {
	names := e.Changed
	more := ""
	if len(names) > 3 {
		names, more = names[:3], fmt.Sprintf(" and %d more", len(e.Changed)-3)
	}
	return fmt.Sprintf("%s cannot be undone: something has been recorded since on %s%s; change or archive those clients one by one instead",
		e.Batch.Words(), strings.Join(names, ", "), more)
}

// RecordImportBatch keeps the clients, or the sessions (by identifier),
// this batch's import added as one import that can be undone; source
// names the file. It is called after the import's own audit entry, which
// the batch remembers: an entry about one of its clients after that one is
// something recorded since.
func (b *Batch) RecordImportBatch(source string, clientIDs []int64, sessionUIDs []string) error {
	if len(clientIDs) == 0 && len(sessionUIDs) == 0 {
		return nil
	}
	var seq int64
	if err := b.tx.QueryRowContext(b.ctx, `SELECT COALESCE(MAX(seq), 0) FROM audit_log`).Scan(&seq); err != nil {
		return fmt.Errorf("import batch: %w", err)
	}
	var id int64
	err := b.tx.QueryRowContext(b.ctx, `INSERT INTO import_batches (uid, imported_at, source, log_seq)
		VALUES (?, ?, ?, ?) RETURNING id`, store.NewUID(), b.stamp, store.Clip(source), seq).Scan(&id)
	if err != nil {
		return fmt.Errorf("import batch: %w", err)
	}
	for _, client := range clientIDs {
		if _, err := b.tx.ExecContext(b.ctx, `INSERT INTO import_batch_clients (batch_id, client_uid)
			SELECT ?, uid FROM clients WHERE id = ?`, id, client); err != nil {
			return fmt.Errorf("import batch: %w", err)
		}
	}
	for _, uid := range sessionUIDs {
		if _, err := b.tx.ExecContext(b.ctx, `INSERT INTO import_batch_clients (batch_id, client_uid) VALUES (?, ?)`,
			id, sessionMark+uid); err != nil {
			return fmt.Errorf("import batch: %w", err)
		}
	}
	return nil
}

// LastImport is the newest import of clients not undone; found is false
// when there is none.
func (s *Store) LastImport(ctx context.Context) (batch ImportBatch, found bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, batch, found, err = lastImport(ctx, tx)
		return err
	})
	return batch, found, err
}

func lastImport(ctx context.Context, tx *sql.Tx) (id int64, batch ImportBatch, found bool, err error) {
	var at string
	err = tx.QueryRowContext(ctx, `SELECT b.id, b.uid, b.imported_at, b.source,
			(SELECT COUNT(*) FROM import_batch_clients bc WHERE bc.batch_id = b.id AND bc.client_uid NOT LIKE 'session:%'),
			(SELECT COUNT(*) FROM import_batch_clients bc WHERE bc.batch_id = b.id AND bc.client_uid LIKE 'session:%')
		FROM import_batches b WHERE b.undone_at = '' ORDER BY b.id DESC LIMIT 1`).
		Scan(&id, &batch.UID, &at, &batch.Source, &batch.Clients, &batch.Sessions)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ImportBatch{}, false, nil
	}
	if err != nil {
		return 0, ImportBatch{}, false, err
	}
	batch.At = parseStamp(at)
	return id, batch, true, nil
}

// UndoLastImport takes back the newest import of clients not undone, in
// one transaction: every client it added is removed, or, when something
// has been recorded on any of them since (a note, an intake, a change of
// details: any entry of the record's history about them after the
// import's), none is and the answer is an *ImportUndoRefused. The
// record's history keeps the import and each client's creation, and gains
// an entry for each client removed and one for the undo.
func (s *Store) UndoLastImport(ctx context.Context) (ImportBatch, error) {
	var batch ImportBatch
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		found, err := s.undoLastImport(ctx, tx, &batch)
		if err == nil && !found {
			return ErrNoImportToUndo
		}
		return err
	})
	if err != nil {
		var refused *ImportUndoRefused
		if errors.As(err, &refused) || errors.Is(err, ErrNoImportToUndo) {
			return batch, err
		}
		return batch, fmt.Errorf("undo import: %w", err)
	}
	return batch, nil
}

// importedClient is a client an import added, as its undo needs them.
type importedClient struct {
	id        int64
	uid, name string
}

func (s *Store) undoLastImport(ctx context.Context, tx *sql.Tx, batch *ImportBatch) (bool, error) {
	id, b, found, err := lastImport(ctx, tx)
	*batch = b
	if err != nil || !found {
		return found, err
	}
	var logSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT log_seq FROM import_batches WHERE id = ?`, id).Scan(&logSeq); err != nil {
		return true, err
	}
	clients, err := batchClients(ctx, tx, id)
	if err != nil {
		return true, err
	}
	var changed []string
	for _, c := range clients {
		var later int
		// the notes, measures and plans are counted too: an entry about a
		// private note may be out of this login's sight on a server
		err := tx.QueryRowContext(ctx, `SELECT
				(SELECT COUNT(*) FROM audit_log WHERE client = ? AND seq > ?) +
				(SELECT COUNT(*) FROM sessions WHERE client_id = ?) +
				(SELECT COUNT(*) FROM measures WHERE client_id = ?) +
				(SELECT COUNT(*) FROM plans WHERE client_id = ?)`,
			c.uid, logSeq, c.id, c.id, c.id).Scan(&later)
		if err != nil {
			return true, err
		}
		if later > 0 {
			changed = append(changed, c.name)
		}
	}
	sessions, err := batchSessions(ctx, tx, id)
	if err != nil {
		return true, err
	}
	seen := map[string]bool{}
	for _, sess := range sessions {
		if seen[sess.clientUID] {
			continue
		}
		seen[sess.clientUID] = true
		var later int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE client = ? AND seq > ?`,
			sess.clientUID, logSeq).Scan(&later); err != nil {
			return true, err
		}
		if later > 0 || !sess.Draft() {
			changed = append(changed, sess.clientName)
		}
	}
	if len(changed) > 0 {
		return true, &ImportUndoRefused{Batch: *batch, Changed: changed}
	}
	for _, sess := range sessions {
		if err := s.appendLog(ctx, tx, store.AuditEntry{Action: store.SessionDiscarded, Record: sess.UID, Client: sess.clientUID,
			Detail:  "Draft of " + sess.Start.Format(store.StartLayout) + ", added by " + batch.Words(),
			Content: store.NoteHash(sess.clientUID, sess.Session)}); err != nil {
			return true, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, sess.ID); err != nil {
			return true, err
		}
		if err := s.refreshVisits(ctx, tx, sess.ClientID); err != nil {
			return true, err
		}
	}
	for _, c := range clients {
		// named here: once removed, the record no longer names them
		if err := s.appendLog(ctx, tx, store.AuditEntry{Action: store.ClientUnimported, Record: c.uid, Client: c.uid,
			Detail: c.name + ", added by " + batch.Words()}); err != nil {
			return true, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM clients WHERE id = ?`, c.id); err != nil {
			return true, err
		}
	}
	stamp := s.stamp()
	if _, err := tx.ExecContext(ctx, `UPDATE import_batches SET undone_at = ? WHERE id = ?`, stamp, id); err != nil {
		return true, err
	}
	removed := plural(len(clients), "client", "clients")
	if len(sessions) > 0 {
		removed = plural(len(sessions), "session", "sessions")
	}
	undone := fmt.Sprintf("Undid %s: %s removed.", batch.Words(), removed)
	return true, s.appendLog(ctx, tx, store.AuditEntry{Action: store.ImportUndone, Detail: undone})
}

// batchClients are the clients still recorded that batch id added, in the
// order they were added.
func batchClients(ctx context.Context, tx *sql.Tx, id int64) ([]importedClient, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.uid, c.first_name, c.last_name
		FROM import_batch_clients bc JOIN clients c ON c.uid = bc.client_uid
		WHERE bc.batch_id = ? ORDER BY c.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []importedClient
	for rows.Next() {
		var c importedClient
		var first, last string
		if err := rows.Scan(&c.id, &c.uid, &first, &last); err != nil {
			return nil, err
		}
		c.name = store.Client{FirstName: first, LastName: last}.FullName()
		out = append(out, c)
	}
	return out, rows.Err()
}

// sessionMark begins a row of import_batch_clients that names a session
// an import of visits added, "session:<its uid>", not a client: the
// batches of both kinds are kept in the tables migration 017 made, with no
// schema change. Such a row joins no client, a client's uid being a bare
// UUID.
const sessionMark = "session:"

// importedSession is a session an import of visits added, with its
// client's identifier and name.
type importedSession struct {
	store.Session
	clientUID, clientName string
}

// batchSessions are the sessions still recorded that batch id added.
func batchSessions(ctx context.Context, tx *sql.Tx, id int64) ([]importedSession, error) {
	found, err := readSessions(ctx, tx, `s.uid IN (SELECT substr(client_uid, 9) FROM import_batch_clients
		WHERE batch_id = ? AND client_uid LIKE 'session:%')`, id)
	if err != nil {
		return nil, err
	}
	out := make([]importedSession, 0, len(found))
	for _, sess := range found {
		var first, last, uid string
		if err := tx.QueryRowContext(ctx, `SELECT uid, first_name, last_name FROM clients WHERE id = ?`, sess.ClientID).
			Scan(&uid, &first, &last); err != nil {
			return nil, err
		}
		out = append(out, importedSession{Session: sess, clientUID: uid,
			clientName: store.Client{FirstName: first, LastName: last}.FullName()})
	}
	return out, nil
}
