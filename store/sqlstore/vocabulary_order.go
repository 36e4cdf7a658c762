package sqlstore

import (
	"context"
	"database/sql"
	"slices"

	"backtrack/store"
)

// vocabularyEntry is one term as a note's tags and marks show it, with its
// place in the vocabulary's order.
type vocabularyEntry struct {
	term store.Term
	rank int // built-in entries first in the article's order, then the therapist's own by name
}

// vocabularyOrder is the whole vocabulary by term id, read once for a
// batch of notes: their tags and marks are joined to it in Go, and their
// tags sorted by it, rather than each note's rows joined and sorted by
// the engine.
type vocabularyOrder map[int64]vocabularyEntry

func readVocabularyOrder(ctx context.Context, tx *sql.Tx) (vocabularyOrder, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, name, builtin, retired FROM terms
		ORDER BY `+vocabularyOrdering)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := vocabularyOrder{}
	for rows.Next() {
		t, err := scanTerm(rows)
		if err != nil {
			return nil, err
		}
		out[t.ID] = vocabularyEntry{term: t, rank: len(out)}
	}
	return out, rows.Err()
}

// tag is term id's tag with its side, named as the vocabulary names it.
func (v vocabularyOrder) tag(id int64, side string) (store.Kind, store.Tag) {
	e := v[id]
	return e.term.Kind, store.Tag{TermID: id, Name: e.term.Name, Side: store.Side(side), Retired: e.term.Retired}
}

// sortTags puts each kind of a note's tags in the vocabulary's order.
func (v vocabularyOrder) sortTags(sess *store.Session) {
	for _, k := range store.Kinds {
		tags := sess.Tags(k)
		if len(tags) > 1 {
			slices.SortFunc(tags, func(a, b store.Tag) int { return v[a.TermID].rank - v[b.TermID].rank })
		}
	}
}
