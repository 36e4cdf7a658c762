package sqlstore

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// What an import needs of the record inside its one transaction (Batch):
// what is there already, and writing records as a file had them, with
// their own times and history.

// Empty reports whether the record holds no client and no session, read
// inside the batch (so under the write lock).
func (b *Batch) Empty() (bool, error) {
	var n int
	err := b.tx.QueryRowContext(b.ctx, `SELECT (SELECT COUNT(*) FROM clients) + (SELECT COUNT(*) FROM sessions)`).Scan(&n)
	return n == 0, err
}

// Log appends an entry to the record's history: an event, or an entry a
// file brought from another record (its time, actor and origin kept).
func (b *Batch) Log(e store.AuditEntry) error { return b.s.appendLog(b.ctx, b.tx, e) }

// EachClient calls fn for every client recorded, in the order they were
// added. fn must not use the batch: the clients are read as it runs.
func (b *Batch) EachClient(fn func(store.Client)) error {
	rows, err := b.tx.QueryContext(b.ctx, `SELECT `+clientColumns+` FROM clients c ORDER BY c.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return err
		}
		fn(c)
	}
	return rows.Err()
}

// EachSession calls fn with the client, start and identifier of every
// session recorded. fn must not use the batch.
func (b *Batch) EachSession(fn func(clientID int64, start, uid string)) error {
	rows, err := b.tx.QueryContext(b.ctx, `SELECT client_id, started_at, uid FROM sessions`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var start, uid string
		if err := rows.Scan(&id, &start, &uid); err != nil {
			return err
		}
		fn(id, start, uid)
	}
	return rows.Err()
}

// EachHistoryOrigin calls fn with the hash and origin of every entry of the
// record's history. fn must not use the batch.
func (b *Batch) EachHistoryOrigin(fn func(hash, origin string)) error {
	rows, err := b.tx.QueryContext(b.ctx, `SELECT hash, origin FROM audit_log`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var hash, origin string
		if err := rows.Scan(&hash, &origin); err != nil {
			return err
		}
		fn(hash, origin)
	}
	return rows.Err()
}

// stampedTables are the tables whose records keep the created and updated
// times a file gives them.
var stampedTables = map[string]bool{"clients": true, "sessions": true, "measures": true, "plans": true}

// KeepStamps gives a record just written the created and updated times a
// file had for it; either may be "" (then the other stands for both).
func (b *Batch) KeepStamps(table string, id int64, created, updated string) error {
	if !stampedTables[table] {
		return fmt.Errorf("keep stamps: %q is not a table of records", table)
	}
	if created == "" && updated == "" {
		return nil
	}
	if created == "" {
		created = updated
	}
	if updated == "" {
		updated = created
	}
	_, err := b.tx.ExecContext(b.ctx, `UPDATE `+table+` SET created_at = ?, updated_at = ? WHERE id = ?`,
		created, updated, id)
	return err
}

// SetTermRetired sets an entry's retired state (an import brings it back as
// it was exported).
func (b *Batch) SetTermRetired(id int64, retired bool) error {
	_, err := b.tx.ExecContext(b.ctx, `UPDATE terms SET retired = ? WHERE id = ?`, retired, id)
	return err
}

// MeasureOwner is the client whose measure has the identifier uid; found is
// false when no measure has it.
func (b *Batch) MeasureOwner(uid string) (clientID int64, found bool, err error) {
	err = b.tx.QueryRowContext(b.ctx, `SELECT client_id FROM measures WHERE uid = ?`, uid).Scan(&clientID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return clientID, err == nil, err
}

// MeasureTaken reports whether the client has a measure of this kind taken
// on that day (YYYY-MM-DD).
func (b *Batch) MeasureTaken(clientID int64, kind store.MeasureKind, day string) (bool, error) {
	var n int
	err := b.tx.QueryRowContext(b.ctx, `SELECT count(*) FROM measures WHERE client_id = ? AND kind = ? AND taken_on = ?`,
		clientID, string(kind), day).Scan(&n)
	return n > 0, err
}

// Plan reads a client's plan inside the batch, or a zero plan.
func (b *Batch) Plan(clientID int64) (store.Plan, error) { return readPlan(b.ctx, b.tx, clientID) }

// ImportSession writes a note an import brings, with its history as the
// export wrote it (signature, legacy mark, void, amendments), and one audit
// entry for it.
func (b *Batch) ImportSession(sess store.Session, history recordjson.Session) (store.Session, error) {
	clientUID, err := b.s.validateSession(b.ctx, b.tx, &sess)
	if err != nil {
		return store.Session{}, err
	}
	saved, err := writeContent(b.ctx, b.tx, sess, b.stamp)
	if err != nil {
		return store.Session{}, err
	}
	b.touch(saved.ClientID)
	if _, err := b.tx.ExecContext(b.ctx, `UPDATE sessions SET signed_at = ?, signed_by = ?, legacy = ?,
		voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?`,
		history.SignedAt, history.SignedBy, history.Legacy, history.VoidedAt, history.VoidedBy, history.VoidReason, saved.ID); err != nil {
		return store.Session{}, err
	}
	for _, a := range history.Amendments {
		previous, err := json.Marshal(a.Previous)
		if err != nil {
			return store.Session{}, err
		}
		if _, err := b.tx.ExecContext(b.ctx, `INSERT INTO session_amendments (session_id, amended_at, amended_by, reason, changed, previous)
			VALUES (?, ?, ?, ?, ?, ?)`, saved.ID, a.At, a.By, a.Reason, strings.Join(a.Changed, ","), string(previous)); err != nil {
			return store.Session{}, err
		}
	}
	imported, _, err := sessionInTx(b.ctx, b.tx, saved.ID)
	if err != nil {
		return store.Session{}, err
	}
	return b.seal(imported, clientUID, store.AuditEntry{Action: store.RecordImported}, "")
}

// ClientsSortedAs reads, oldest first, the clients whose folded "last
// first" is that of c: the namesakes an import must tell apart, found by
// the name index so an import of any size keeps no list of clients.
func (b *Batch) ClientsSortedAs(c store.Client) ([]store.Client, error) {
	// archived leads the index; naming both values lets it serve
	return b.clientsWhere(`c.archived IN (?, ?) AND c.sort_name = ?`, false, true, sortName(c))
}

// ClientWithUID reads the client with that identifier, if there is one.
func (b *Batch) ClientWithUID(uid string) (store.Client, bool, error) {
	found, err := b.clientsWhere(`c.uid = ?`, uid)
	if err != nil || len(found) == 0 {
		return store.Client{}, false, err
	}
	return found[0], true, nil
}

func (b *Batch) clientsWhere(where string, args ...any) ([]store.Client, error) {
	rows, err := b.tx.QueryContext(b.ctx, `SELECT `+clientColumns+` FROM clients c WHERE `+where+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var found []store.Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return nil, err
		}
		found = append(found, c)
	}
	return found, rows.Err()
}
