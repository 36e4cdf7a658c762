package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"backtrack/store"
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
		var was ExportSession
		if err := json.Unmarshal([]byte(previous), &was); err != nil {
			return fmt.Errorf("amendment of session %d: %w", id, err)
		}
		a.Previous = was.content()
		sess := &notes.out[index[id]]
		sess.Amendments = append(sess.Amendments, a)
	}
	return rows.Err()
}

// content is the note an export (or an amendment's kept version) holds,
// tags by name.
func (e ExportSession) content() store.Session {
	sess := store.Session{UID: e.ID, DurationMin: e.DurationMin, TriggerOther: e.TriggerOther, HomeCare: e.HomeCare,
		Notes: store.SOAP{Subjective: e.Subjective, Objective: e.Objective, Assessment: e.Assessment, Plan: e.Plan}}
	sess.Start = parseStart(e.Start)
	if e.PainBefore != nil {
		sess.PainBefore = store.PainOf(*e.PainBefore)
	}
	if e.PainAfter != nil {
		sess.PainAfter = store.PainOf(*e.PainAfter)
	}
	for _, k := range store.Kinds {
		var tags []store.Tag
		for _, t := range *e.tags(k) {
			tags = append(tags, store.Tag{Name: t.Name, Side: t.Side})
		}
		sess.SetTags(k, tags)
	}
	sess.BodyMap = bodyMapContent(e.BodyMap)
	return sess
}

// keptVersion is the note as an amendment keeps it: its content, no history.
func keptVersion(sess store.Session) (string, error) {
	e := exportSession(sess)
	e.CreatedAt, e.UpdatedAt = "", ""
	e.Amendments = nil
	raw, err := json.Marshal(e)
	return string(raw), err
}
