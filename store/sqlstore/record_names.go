package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"backtrack/store"
)

// RecordNames names every record the audit log points at by the client it
// belongs to, as a person reads a history: a client by name, a note as
// "Ruth Okafor, visit of …", an outcome measure as "Ruth Okafor, ODI of
// 2026-01-05", a plan as "Ruth Okafor, treatment plan from 2026-01-05",
// the forms a client filled in as "Ruth Okafor, forms filled in on …".
// A record missing from it is one that no longer exists.
func (s *Store) RecordNames(ctx context.Context) (map[string]string, error) {
	out, err := s.RecordLabels(ctx)
	if err != nil {
		return nil, err
	}
	err = s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.first_name, c.last_name, m.uid, m.kind, m.taken_on
			FROM measures m JOIN clients c ON c.id = m.client_id
			UNION ALL
			SELECT c.first_name, c.last_name, p.uid, '', p.starts_on
			FROM plans p JOIN clients c ON c.id = p.client_id
			UNION ALL
			SELECT c.first_name, c.last_name, s.uid, 'forms', s.submitted_at
			FROM client_submissions s JOIN clients c ON c.id = s.client_id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var first, last, uid, kind, on string
			if err := rows.Scan(&first, &last, &uid, &kind, &on); err != nil {
				return err
			}
			name := strings.TrimSpace(first + " " + last)
			switch kind {
			case "":
				out[uid] = name + ", treatment plan from " + on
			case "forms":
				out[uid] = name + ", forms filled in on " + on
			default:
				out[uid] = name + ", " + store.MeasureKind(kind).Label() + " of " + on
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("record names: %w", err)
	}
	return out, nil
}
