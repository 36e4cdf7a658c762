package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"backtrack/store"
)

// ReadsNotes reports whether the records' clinical side (notes, medical
// history, the record's history) is open to this store: always on a file;
// on a practice server, unless the role is the front desk's, which sees
// clients' names and contact details only (clinic_roles.sql). It is asked
// of the server once, at Open.
func (s *Store) ReadsNotes() bool { return !s.contactsOnly }

// searchContacts is SearchClients for a role that reads contact details
// only: the columns its grants give, by name (there is no last visit to
// sort by), every other figure left zero.
func (s *Store) searchContacts(ctx context.Context, q store.ClientQuery) ([]store.ClientSummary, error) {
	var where []string
	var args []any
	if !q.IncludeArchived {
		where = append(where, "c.archived = FALSE")
	}
	for _, word := range strings.Fields(store.Fold(q.Text)) {
		where = append(where, `c.search_text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(word)+"%")
	}
	query := `SELECT c.id, c.uid, c.first_name, c.last_name, c.phone, c.email, c.archived FROM clients c`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY c.sort_name, c.id"
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search clients: %w", classify(err))
	}
	defer rows.Close()
	var out []store.ClientSummary
	for rows.Next() {
		var cs store.ClientSummary
		if err := rows.Scan(&cs.ID, &cs.UID, &cs.FirstName, &cs.LastName, &cs.Phone, &cs.Email, &cs.Archived); err != nil {
			return nil, fmt.Errorf("search clients: %w", err)
		}
		out = append(out, cs)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search clients: %w", err)
	}
	return out, nil
}
