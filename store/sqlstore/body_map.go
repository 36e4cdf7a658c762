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

// ExportMark is one region of a session's body chart: the region by its
// identifier (and its name, for a person reading the file), the pain type
// by name, and the location word it was made from, if any.
type ExportMark struct {
	Region    string     `json:"region"`
	Name      string     `json:"name,omitempty"`
	PainType  string     `json:"pain_type,omitempty"`
	Intensity *int       `json:"intensity,omitempty"`
	From      *ExportTag `json:"from_location,omitempty"`
}

func exportBodyMap(marks []store.BodyMark) []ExportMark {
	var out []ExportMark
	for _, m := range marks {
		e := ExportMark{Region: string(m.Region), PainType: m.PainType.Name, Intensity: painPtr(m.Intensity)}
		if r, ok := store.RegionOf(m.Region); ok {
			e.Name = r.Label()
		}
		if m.From.Name != "" {
			e.From = &ExportTag{Name: m.From.Name, Side: m.From.Side}
		}
		out = append(out, e)
	}
	return out
}

// bodyMapContent is an export's marks with their terms by name only.
func bodyMapContent(marks []ExportMark) []store.BodyMark {
	var out []store.BodyMark
	for _, e := range marks {
		m := store.BodyMark{Region: store.RegionID(e.Region), PainType: store.Tag{Name: e.PainType}}
		if e.Intensity != nil {
			m.Intensity = store.PainOf(*e.Intensity)
		}
		if e.From != nil {
			m.From = store.Tag{Name: e.From.Name, Side: e.From.Side}
		}
		out = append(out, m)
	}
	return out
}

// resolveImportBodyMap turns an export's marks into marks on this record's
// vocabulary, adding a pain type or location it lacks; each problem is
// reported through report.
func (im *importer) resolveImportBodyMap(marks []ExportMark, report func(string)) ([]store.BodyMark, error) {
	out := bodyMapContent(marks)
	for i := range out {
		m := &out[i]
		if _, ok := store.RegionOf(m.Region); !ok {
			report(fmt.Sprintf("region %q is not on the body chart", clip(string(m.Region))))
		}
		for _, ref := range []struct {
			tag  *store.Tag
			kind store.Kind
		}{{&m.PainType, store.PainType}, {&m.From, store.Location}} {
			if ref.tag.Name == "" {
				continue
			}
			tags, err := im.resolveImportTags(ref.kind, []ExportTag{{Name: ref.tag.Name, Side: ref.tag.Side}}, report)
			if err != nil {
				return nil, err
			}
			if len(tags) == 1 {
				*ref.tag = tags[0]
			}
		}
	}
	return out, nil
}
