package sqlstore

import (
	"backtrack/store"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// CreateClient adds a client and returns it with its ID and times set. A
// second attempt with the same UID adds no one (replay.go).
func (s *Store) CreateClient(ctx context.Context, c store.Client) (store.Client, error) {
	c, err := s.createClientOnce(ctx, c)
	if err != nil {
		return store.Client{}, fmt.Errorf("create client: %w", err)
	}
	return c, nil
}

// insertClient writes a validated client in tx, with its audit entry.
func (s *Store) insertClient(ctx context.Context, tx *sql.Tx, c store.Client, stamp string) (store.Client, error) {
	if c.UID == "" {
		c.UID = store.NewUID()
	}
	err := tx.QueryRowContext(ctx, `
		INSERT INTO clients (uid, first_name, last_name, date_of_birth, phone, email,
			medical_history, medications, contraindications, search_text, sort_name,
			archived, created_at, updated_at, alert_level)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.UID, c.FirstName, c.LastName, formatDate(c.DateOfBirth), c.Phone, c.Email,
		c.MedicalHistory, c.Medications, c.Contraindications, c.SearchText(), sortName(c),
		c.Archived, stamp, stamp, store.AlertLevelOf(c, store.Health{}).Code()).Scan(&c.ID)
	c.Version = 1
	if err != nil {
		return store.Client{}, err
	}
	c.CreatedAt, c.UpdatedAt = parseStamp(stamp), parseStamp(stamp)
	return c, s.logClient(ctx, tx, store.ClientCreated, c.ID)
}

// logClient records a change to a client with the hash of what their
// record now says, and brings the client list's marks up to date.
func (s *Store) logClient(ctx context.Context, tx *sql.Tx, action store.Action, id int64) error {
	return s.logClientDetail(ctx, tx, action, id, "")
}

func (s *Store) logClientDetail(ctx context.Context, tx *sql.Tx, action store.Action, id int64, detail string) error {
	var cols healthColumns
	var level string
	var consentOnFile bool
	c, err := scanClient(tx.QueryRowContext(ctx, `SELECT `+clientColumns+`, c.intake, c.red_flags, c.consents,
		c.alert_level, c.consent_on_file FROM clients c WHERE c.id = ?`, id),
		&cols.intake, &cols.redFlags, &cols.consents, &level, &consentOnFile)
	if err != nil {
		return err
	}
	h, err := decodeHealth(cols)
	if err != nil {
		return err
	}
	// The marks are written only when they change: most changes (a phone
	// number, an archive) leave them as they were.
	if store.AlertLevelOf(c, h).Code() != level || h.ConsentOnFile(s.now()) != consentOnFile {
		if err := s.refreshMarks(ctx, tx, c, h); err != nil {
			return err
		}
	}
	return s.appendLog(ctx, tx, store.AuditEntry{Action: action, Record: c.UID, Client: c.UID, Detail: detail,
		Content: store.ClientRecordHash(c, h)})
}

// UpdateClient saves changes to an existing client.
func (s *Store) UpdateClient(ctx context.Context, c store.Client) (store.Client, error) {
	if err := c.Validate(s.now()); err != nil {
		return store.Client{}, fmt.Errorf("update client: %w", err)
	}
	stamp := s.stamp()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE clients SET first_name = ?, last_name = ?, date_of_birth = ?, phone = ?,
				email = ?, medical_history = ?, medications = ?, contraindications = ?,
				search_text = ?, sort_name = ?, archived = ?, updated_at = ?, version = version + 1
			WHERE id = ? AND (? = 0 OR version = ?)`,
			c.FirstName, c.LastName, formatDate(c.DateOfBirth), c.Phone, c.Email,
			c.MedicalHistory, c.Medications, c.Contraindications, c.SearchText(), sortName(c),
			c.Archived, stamp, c.ID, c.Version, c.Version)
		if err != nil {
			return err
		}
		if err := refuseStale(ctx, tx, res, "clients", c.ID); err != nil {
			return err
		}
		if err := mustAffectOne(res, "client", c.ID); err != nil {
			return err
		}
		// Sessions already recorded must not end up before the birth date.
		if !c.DateOfBirth.IsZero() {
			var first sql.NullString
			if err := tx.QueryRowContext(ctx, `SELECT MIN(started_at) FROM sessions WHERE client_id = ?`, c.ID).Scan(&first); err != nil {
				return err
			}
			if first.Valid && first.String < formatDate(c.DateOfBirth) {
				return &store.ValidationError{Problems: []store.FieldError{{
					Field:   "date_of_birth",
					Message: "Date of birth " + formatDate(c.DateOfBirth) + " is after the first recorded session (" + first.String[:10] + ")",
				}}}
			}
		}
		return s.logClient(ctx, tx, store.ClientEdited, c.ID)
	})
	if err != nil {
		if recorded, done := s.editLanded(ctx, c, err); done {
			return recorded, nil
		}
		return store.Client{}, fmt.Errorf("update client: %w", err)
	}
	return s.Client(ctx, c.ID)
}

// editLanded tells a refused edit that has nothing left to write: the
// client as recorded already says what c says (a desk's second attempt
// at an edit whose answer was lost, or two desks making the same change),
// so nothing is overwritten and the edit is done, not "changed by".
func (s *Store) editLanded(ctx context.Context, c store.Client, refused error) (store.Client, bool) {
	var stale *store.StaleError
	if !errors.As(refused, &stale) {
		return store.Client{}, false
	}
	recorded, err := s.Client(ctx, c.ID)
	if err != nil {
		return store.Client{}, false
	}
	c.UID = recorded.UID
	return recorded, store.ClientHash(c) == store.ClientHash(recorded)
}

// ArchiveClient hides a client from the list; their history is kept.
func (s *Store) ArchiveClient(ctx context.Context, id int64) error {
	return s.setArchived(ctx, id, true)
}

// UnarchiveClient brings an archived client back into the list.
func (s *Store) UnarchiveClient(ctx context.Context, id int64) error {
	return s.setArchived(ctx, id, false)
}

func (s *Store) setArchived(ctx context.Context, id int64, archived bool) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE clients SET archived = ?, updated_at = ? WHERE id = ?`,
			archived, s.stamp(), id)
		if err != nil {
			return err
		}
		if err := mustAffectOne(res, "client", id); err != nil {
			return err
		}
		action := store.ClientUnarchived
		if archived {
			action = store.ClientArchived
		}
		return s.logClient(ctx, tx, action, id)
	})
	if err != nil {
		verb := "unarchive"
		if archived {
			verb = "archive"
		}
		return fmt.Errorf("%s client: %w", verb, err)
	}
	return nil
}

const clientColumns = clientColumnsV3 + `, c.version`

// clientColumnsV3 are a client's columns in schema version 3, which the
// history's first entries (startLog) read.
const clientColumnsV3 = `c.id, c.first_name, c.last_name, c.date_of_birth, c.phone, c.email,
	c.medical_history, c.medications, c.contraindications, c.archived, c.created_at, c.updated_at, c.uid`

// Client returns one client, archived or not.
func (s *Store) Client(ctx context.Context, id int64) (store.Client, error) {
	row := s.read.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, id)
	c, err := scanClient(row)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("client %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Client{}, fmt.Errorf("get client: %w", err)
	}
	return c, nil
}

// SearchClients lists clients with their last visit. Every word of q.Text
// must match the name, phone or email, ignoring case and accents.
func (s *Store) SearchClients(ctx context.Context, q store.ClientQuery) ([]store.ClientSummary, error) {
	if s.contactsOnly {
		return s.searchContacts(ctx, q) // the front desk (front_desk.go)
	}
	var where []string
	var args []any
	if !q.IncludeArchived {
		where = append(where, "c.archived = FALSE")
	}
	inNotes := q.InNotes && strings.TrimSpace(q.Text) != ""
	var notes notesSearch
	if inNotes {
		notes = searchNotes(q.Text, s.OnServer())
		where, args = append(where, notes.where...), append(args, notes.whereArgs...)
	} else {
		for _, word := range strings.Fields(store.Fold(q.Text)) {
			where = append(where, `c.search_text LIKE ? ESCAPE '\'`)
			args = append(args, "%"+escapeLike(word)+"%")
		}
	}
	// the last visit and the visit count are kept on the row (visits.go)
	query := `SELECT ` + clientColumns + `, c.alert_level, c.consent_on_file, c.last_visit_at, c.last_pain_before,
			c.last_pain_after, c.visits`
	if inNotes {
		query += ", " + notes.newestNote
		args = append(notes.noteArgs, args...)
	}
	query += ` FROM clients c`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	switch q.Order {
	case store.ByName:
		query += " ORDER BY c.sort_name, c.id"
	case store.ByVisits:
		query += " ORDER BY c.visits DESC, c.sort_name, c.id"
	default:
		query += " ORDER BY c.last_visit_at DESC, c.sort_name, c.id"
	}
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search clients: %w", err)
	}
	defer rows.Close()
	var out []store.ClientSummary
	for rows.Next() {
		var cs store.ClientSummary
		var last string
		var before, after sql.NullInt64
		var level string
		var newestNote sql.NullString
		extra := []any{&level, &cs.ConsentOnFile, &last, &before, &after, &cs.SessionCount}
		if inNotes {
			extra = append(extra, &newestNote)
		}
		c, err := scanClient(rows, extra...)
		if err != nil {
			return nil, fmt.Errorf("search clients: %w", err)
		}
		cs.Client, cs.Alert = c, store.ParseAlertLevel(level)
		if last != "" {
			cs.LastVisit = parseStart(last)
		}
		cs.LastPainBefore, cs.LastPainAfter = painFrom(before), painFrom(after)
		if inNotes {
			cs.Snippet = snippetOf(newestNote, c, q.Text)
		}
		out = append(out, cs)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search clients: %w", err)
	}
	return out, nil
}

// ClientsNamed returns the clients whose full name is name, ignoring case
// and accents ("jose nunez" finds "José Núñez"), archived ones included.
func (s *Store) ClientsNamed(ctx context.Context, name string) ([]store.Client, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients c ORDER BY c.sort_name, c.id`)
	if err != nil {
		return nil, fmt.Errorf("find client %q: %w", name, err)
	}
	defer rows.Close()
	want := store.Fold(name)
	var out []store.Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return nil, fmt.Errorf("find client %q: %w", name, err)
		}
		if store.Fold(c.FullName()) == want || store.Fold(c.LastName+" "+c.FirstName) == want {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanClient(row scanner, extra ...any) (store.Client, error) {
	var c store.Client
	var dob, created, updated string
	dest := append([]any{&c.ID, &c.FirstName, &c.LastName, &dob, &c.Phone, &c.Email,
		&c.MedicalHistory, &c.Medications, &c.Contraindications, &c.Archived, &created, &updated, &c.UID, &c.Version}, extra...)
	if err := row.Scan(dest...); err != nil {
		return store.Client{}, err
	}
	c.DateOfBirth = parseDate(dob)
	c.CreatedAt, c.UpdatedAt = parseStamp(created), parseStamp(updated)
	return c, nil
}

func sortName(c store.Client) string { return store.Fold(c.LastName) + " " + store.Fold(c.FirstName) }

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func mustAffectOne(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, store.ErrNotFound)
	}
	return nil
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(store.DateLayout)
}

func parseDate(s string) time.Time {
	t, _ := time.ParseInLocation(store.DateLayout, s, time.Local)
	return t
}

// parseStart reads a session start ("2006-01-02 15:04") as the wall clock
// it says (store.ParseWallClock).
func parseStart(s string) time.Time { return parseClock(s, store.StartLayout, time.UTC) }

// parseStamp reads a created/updated time ("2006-01-02 15:04:05").
func parseStamp(s string) time.Time { return parseClock(s, stampLayout, time.Local) }

const stampLayout = store.StampLayout

// parseClock reads the two layouts above by hand: they are parsed for every
// row of a long history, where time.ParseInLocation was the largest cost.
func parseClock(s, layout string, loc *time.Location) time.Time {
	if len(s) != len(layout) || len(s) < 16 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' {
		t, _ := time.ParseInLocation(layout, s, loc)
		return t
	}
	num := func(from, to int) int {
		n := 0
		for _, c := range s[from:to] {
			n = n*10 + int(c-'0')
		}
		return n
	}
	sec := 0
	if len(s) == 19 {
		sec = num(17, 19)
	}
	return time.Date(num(0, 4), time.Month(num(5, 7)), num(8, 10), num(11, 13), num(14, 16), sec, 0, loc)
}

func painFrom(n sql.NullInt64) store.Pain {
	if !n.Valid {
		return store.Pain{}
	}
	return store.PainOf(int(n.Int64))
}

func painArg(p store.Pain) any {
	if !p.Recorded {
		return nil
	}
	return p.Score
}
