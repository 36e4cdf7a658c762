package sqlstore

import (
	"database/sql"
	"strings"

	"backtrack/store"
)

// noteText is a session's words as the notes search reads them.
const noteText = `s.subjective || ' ' || s.objective || ' ' || s.assessment || ' ' || s.plan || ' ' ||
	s.home_care || ' ' || s.trigger_other`

// notesSearch is what a search of the notes adds to the client list's
// query: the condition a client meets, and a column holding the text of
// their newest note that matched, which the row's snippet is cut from. The
// column is part of the one query, so a list of 200 clients found in the
// notes costs one query rather than one more per client.
type notesSearch struct {
	where      []string
	whereArgs  []any
	newestNote string // a correlated subquery: NULL when no note matched
	noteArgs   []any
}

// searchNotes builds the notes search for text, which is not blank. What
// this login may read bounds the note column as it bounds the search.
func searchNotes(text string, onServer bool) notesSearch {
	var n notesSearch
	if onServer {
		// PostgreSQL: every typed word within the notes, case ignored
		// (SQLite's full-text index also ignores accents)
		var inNote []string
		for _, word := range strings.Fields(store.Fold(text)) {
			n.where = append(n.where, `(c.id IN (SELECT s.client_id FROM sessions s WHERE (`+noteText+`) ILIKE ? ESCAPE '\')
				OR (c.medical_history || ' ' || c.medications || ' ' || c.contraindications) ILIKE ? ESCAPE '\')`)
			like := "%" + escapeLike(word) + "%"
			n.whereArgs = append(n.whereArgs, like, like)
			inNote = append(inNote, `(`+noteText+`) ILIKE ? ESCAPE '\'`)
			n.noteArgs = append(n.noteArgs, like)
		}
		n.newestNote = `(SELECT ` + noteText + ` FROM sessions s WHERE s.client_id = c.id AND ` +
			strings.Join(inNote, " AND ") + ` ORDER BY s.started_at DESC, s.id DESC LIMIT 1)`
		return n
	}
	match := noteMatch(text)
	n.where = []string{`(c.id IN (SELECT s.client_id FROM sessions s
			WHERE s.id IN (SELECT rowid FROM session_text WHERE session_text MATCH ?))
		OR c.id IN (SELECT rowid FROM client_text WHERE client_text MATCH ?))`}
	n.whereArgs = []any{match, match}
	// the full-text match is read once for the statement, not per client
	n.newestNote = `(SELECT ` + noteText + ` FROM sessions s WHERE s.client_id = c.id
		AND s.id IN (SELECT rowid FROM session_text WHERE session_text MATCH ?)
		ORDER BY s.started_at DESC, s.id DESC LIMIT 1)`
	n.noteArgs = []any{match}
	return n
}

// snippetOf is the words around the match for a client found in the notes:
// from their newest note that has every word typed, else from their
// medical history, medications and contraindications.
func snippetOf(newestNote sql.NullString, c store.Client, query string) string {
	if newestNote.Valid && store.HasAllWords(newestNote.String, query) {
		return store.Snippet(newestNote.String, query)
	}
	return store.Snippet(store.JoinNonEmpty(" ", c.MedicalHistory, c.Medications, c.Contraindications), query)
}

// noteMatch is an FTS5 query in which every typed word must start a word
// of the text: each is quoted (so nothing typed is FTS syntax) and a prefix.
func noteMatch(text string) string {
	var terms []string
	for _, word := range strings.Fields(store.Fold(text)) {
		terms = append(terms, `"`+strings.ReplaceAll(word, `"`, `""`)+`"*`)
	}
	return strings.Join(terms, " ")
}
