package sqlstore

import (
	"backtrack/store/recordjson"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"backtrack/store"
)

// SaveMeasure records a completed measure (ID 0) or corrects one, with its
// audit entry, in one transaction.
func (s *Store) SaveMeasure(ctx context.Context, m store.Measure) (store.Measure, error) {
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		m, err = b.SaveMeasure(m)
		return err
	})
	if err != nil {
		return store.Measure{}, fmt.Errorf("save measure: %w", err)
	}
	return m, nil
}

// SaveMeasure validates and writes a measure in the batch.
func (b *Batch) SaveMeasure(m store.Measure) (store.Measure, error) {
	m.Tidy()
	clientUID, err := b.s.checkMeasure(b.ctx, b.tx, m)
	if err != nil {
		return store.Measure{}, err
	}
	items, err := recordjson.EncodeItems(m.Items)
	if err != nil {
		return store.Measure{}, err
	}
	action := store.MeasureRecorded
	if m.ID == 0 {
		if m.UID == "" {
			m.UID = store.NewUID()
		}
		err := b.tx.QueryRowContext(b.ctx, `INSERT INTO measures (uid, client_id, session_uid, kind, taken_on, items, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, m.UID, m.ClientID, m.SessionUID, string(m.Kind), m.Taken.Format(store.DateLayout),
			string(items), m.Note, b.stamp, b.stamp).Scan(&m.ID)
		if err != nil {
			return store.Measure{}, err
		}
		m.CreatedAt = parseStamp(b.stamp)
	} else {
		action = store.MeasureChanged
		res, err := b.tx.ExecContext(b.ctx, `UPDATE measures SET session_uid = ?, kind = ?, taken_on = ?, items = ?, note = ?, updated_at = ?
			WHERE id = ? AND client_id = ?`, m.SessionUID, string(m.Kind), m.Taken.Format(store.DateLayout), string(items), m.Note,
			b.stamp, m.ID, m.ClientID)
		if err != nil {
			return store.Measure{}, err
		}
		if err := mustAffectOne(res, "measure", m.ID); err != nil {
			return store.Measure{}, err
		}
	}
	saved, err := readMeasures(b.ctx, b.tx, `m.id = ?`, m.ID)
	if err != nil || len(saved) != 1 {
		return store.Measure{}, errors.Join(err, fmt.Errorf("measure %d: %w", m.ID, store.ErrNotFound))
	}
	return saved[0], b.s.appendLog(b.ctx, b.tx, store.AuditEntry{Action: action, Record: m.UID, Client: clientUID,
		Content: store.MeasureHash(clientUID, saved[0]), Detail: measureDetail(saved[0])})
}

// measureDetail is what an audit entry says about a measure: "ODI on
// 2026-03-02: 35.6".
func measureDetail(m store.Measure) string {
	return fmt.Sprintf("%s on %s: %s", m.Kind.Label(), m.Taken.Format(store.DateLayout), m.Score())
}

// checkMeasure validates a measure against its client and session.
func (s *Store) checkMeasure(ctx context.Context, tx *sql.Tx, m store.Measure) (clientUID string, err error) {
	var dob string
	err = tx.QueryRowContext(ctx, `SELECT uid, date_of_birth FROM clients WHERE id = ?`, m.ClientID).Scan(&clientUID, &dob)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("client %d: %w", m.ClientID, store.ErrNotFound)
	}
	if err != nil {
		return "", err
	}
	p := m.Validate()
	today := store.WallClock(s.now()).Format(store.DateLayout)
	switch day := m.Taken.Format(store.DateLayout); {
	case m.Taken.IsZero():
		p.Add("date", "The measure needs the date the client filled in the form")
	case day > today:
		p.Add("date", "The date "+day+" is in the future")
	case dob != "" && day < dob:
		p.Add("date", "The date "+day+" is before the client's date of birth")
	}
	if m.SessionUID != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE uid = ? AND client_id = ?`, m.SessionUID, m.ClientID).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			p.Add("session", "The session the measure was taken at is not this client's")
		}
	}
	return clientUID, p.Err()
}

// DeleteMeasure removes a measure entered in error. The audit entry keeps
// what it said and why it went.
func (s *Store) DeleteMeasure(ctx context.Context, id int64, reason string) error {
	if err := store.CheckReason("deleted", reason); err != nil {
		return fmt.Errorf("delete measure: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ms, err := readMeasures(ctx, tx, `m.id = ?`, id)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			return fmt.Errorf("measure %d: %w", id, store.ErrNotFound)
		}
		var clientUID string
		if err := tx.QueryRowContext(ctx, `SELECT uid FROM clients WHERE id = ?`, ms[0].ClientID).Scan(&clientUID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM measures WHERE id = ?`, id); err != nil {
			return err
		}
		return s.appendLog(ctx, tx, store.AuditEntry{Action: store.MeasureDeleted, Record: ms[0].UID, Client: clientUID,
			Detail: measureDetail(ms[0]) + " · " + strings.TrimSpace(reason)})
	})
	if err != nil {
		return fmt.Errorf("delete measure: %w", err)
	}
	return nil
}

// Measures reads a client's measures, oldest first.
func (s *Store) Measures(ctx context.Context, clientID int64) ([]store.Measure, error) {
	var out []store.Measure
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readMeasures(ctx, tx, `m.client_id = ?`, clientID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("measures: %w", err)
	}
	return out, nil
}

const measureColumns = `m.id, m.uid, m.client_id, m.session_uid, m.kind, m.taken_on, m.items, m.note, m.created_at, m.updated_at`

// readMeasures reads the measures matching where, oldest first.
func readMeasures(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]store.Measure, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+measureColumns+` FROM measures m WHERE `+where+` ORDER BY m.taken_on, m.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Measure
	for rows.Next() {
		var m store.Measure
		var kind, taken, items, created, updated string
		if err := rows.Scan(&m.ID, &m.UID, &m.ClientID, &m.SessionUID, &kind, &taken, &items, &m.Note, &created, &updated); err != nil {
			return nil, err
		}
		var err error
		if m.Items, err = recordjson.DecodeItems(items); err != nil {
			return nil, fmt.Errorf("measure %s: its answers are not readable: %w", m.UID, err)
		}
		m.Kind = store.MeasureKind(kind)
		m.Taken, _ = store.ParseWallClock(store.DateLayout, taken)
		m.CreatedAt, m.UpdatedAt = parseStamp(created), parseStamp(updated)
		out = append(out, m)
	}
	return out, rows.Err()
}
