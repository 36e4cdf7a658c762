package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// readAmendments fills in the amendments of the notes read, oldest first.
// notes.out[index[id]] is the note with that ID.
func readAmendments(ctx context.Context, tx *sql.Tx, notes noteRows, index map[int64]int) error {
	filter, args := notes.filter(`a.session_id`)
	rows, err := tx.QueryContext(ctx, `SELECT a.session_id, a.amended_at, a.amended_by, a.reason, a.changed, a.previous
		FROM session_amendments a`+filter+`
		ORDER BY a.session_id, a.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var at, changed, previous string
		var a store.Amendment
		if err := rows.Scan(&id, &at, &a.By, &a.Reason, &changed, &previous); err != nil {
			return err
		}
		a.At = parseStamp(at)
		if changed != "" {
			a.Changed = strings.Split(changed, ",")
		}
		var was recordjson.Session
		if err := json.Unmarshal([]byte(previous), &was); err != nil {
			return fmt.Errorf("amendment of session %d: %w", id, err)
		}
		a.Previous = was.Content()
		sess := &notes.out[index[id]]
		sess.Amendments = append(sess.Amendments, a)
	}
	return rows.Err()
}

// keptVersion is the note as an amendment keeps it: its content, no history.
func keptVersion(sess store.Session) (string, error) {
	e := recordjson.FromSession(sess)
	e.CreatedAt, e.UpdatedAt = "", ""
	e.Amendments = nil
	raw, err := json.Marshal(e)
	return string(raw), err
}
