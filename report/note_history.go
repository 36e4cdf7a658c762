package report

import "backtrack/store"

// historyLines are what a reader must know of a note's history where the
// session is listed: each amendment with its date and reason, and a note
// that is still a draft.
func historyLines(s *store.Session) []string {
	var out []string
	for _, a := range s.Amendments {
		out = append(out, "Amended "+formatDate(a.At)+": "+a.Reason)
	}
	if s.Draft() {
		out = append(out, "Draft: not signed yet")
	}
	return out
}
