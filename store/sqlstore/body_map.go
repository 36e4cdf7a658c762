package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"backtrack/store"
)

// resolveBodyMap checks each mark's pain type (and the location it came
// from) against the vocabulary and fills in their names.
func resolveBodyMap(terms map[int64]vocabularyTerm, marks []store.BodyMark, p *store.Problems) {
	for i := range marks {
		m := &marks[i]
		for _, ref := range []struct {
			tag  *store.Tag
			kind store.Kind
		}{{&m.PainType, store.PainType}, {&m.From, store.Location}} {
			if ref.tag.TermID == 0 {
				*ref.tag = store.Tag{}
				continue
			}
			term, ok := terms[ref.tag.TermID]
			if !ok || term.kind != ref.kind {
				p.Add("body_map", fmt.Sprintf("%s #%d is not in the vocabulary", ref.kind.Label(), ref.tag.TermID))
				continue
			}
			ref.tag.Name, ref.tag.Retired = term.name, term.retired
		}
		m.PainType.Side = store.NoSide
	}
}

// writeBodyMap replaces a session's marks (a new session has none to
// remove).
func writeBodyMap(ctx context.Context, tx *sql.Tx, sess store.Session, isNew bool) error {
	if !isNew {
		if _, err := tx.ExecContext(ctx, `DELETE FROM session_regions WHERE session_id = ?`, sess.ID); err != nil {
			return err
		}
	}
	if len(sess.BodyMap) == 0 {
		return nil
	}
	// every mark in one statement
	var args []any
	for _, m := range sess.BodyMap {
		args = append(args, sess.ID, string(m.Region), termArg(m.PainType), painArg(m.Intensity), termArg(m.From), string(m.From.Side))
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO session_regions
		(session_id, region, pain_type_id, intensity, from_term, from_side) VALUES (?, ?, ?, ?, ?, ?)`+
		strings.Repeat(", (?, ?, ?, ?, ?, ?)", len(sess.BodyMap)-1), args...)
	return err
}

// termArg is a tag's term for a nullable column.
func termArg(t store.Tag) any {
	if t.TermID == 0 {
		return nil
	}
	return t.TermID
}

// readBodyMaps fills in the marks of the notes read.
func readBodyMaps(ctx context.Context, tx *sql.Tx, vocab vocabularyOrder, notes noteRows, index map[int64]int) error {
	filter, args := notes.filter(`r.session_id`)
	rows, err := tx.QueryContext(ctx, `SELECT r.session_id, r.region, r.intensity, r.pain_type_id, r.from_term, r.from_side
		FROM session_regions r`+filter, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var region, fromSide string
		var intensity, painID, fromID sql.NullInt64
		if err := rows.Scan(&id, &region, &intensity, &painID, &fromID, &fromSide); err != nil {
			return err
		}
		m := store.BodyMark{Region: store.RegionID(region), Intensity: painFrom(intensity),
			From: store.Tag{Side: store.Side(fromSide)}}
		if painID.Valid {
			_, m.PainType = vocab.tag(painID.Int64, "")
		}
		if fromID.Valid {
			m.From.TermID, m.From.Name = fromID.Int64, vocab[fromID.Int64].term.Name
		}
		sess := &notes.out[index[id]]
		sess.BodyMap = append(sess.BodyMap, m)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range notes.out {
		store.SortBodyMap(notes.out[i].BodyMap)
	}
	return nil
}
