package store

import (
	"sort"
	"strings"
)

// TermMatch is how well a typed text names a term; higher is better.
type TermMatch int

const (
	MatchNone      TermMatch = iota
	MatchInside              // "dors" in latissimus dorsi
	MatchWordStart           // "lumb": the start of a word
	MatchPrefix              // "quadr": the start of the name
	MatchChain               // the start of each word in turn: "gmed", "quadlum"
	MatchInitials            // "ql", "tfl"
	MatchWhole               // the name itself, or the therapist's own short term
)

// MatchTerm scores how well typed names a term, ignoring case, accents
// and spaces, as the desk's tag picker and the imports read names. Therapists type
// the abbreviations they write on paper, so initials ("ql") and the start
// of each word ("gmed" for gluteus medius) count as much as the name; a
// term the therapist added ("QL") is matched as typed.
func MatchTerm(typed, name string) TermMatch {
	typed = strings.ReplaceAll(Fold(typed), " ", "")
	folded := Fold(name)
	words := strings.FieldsFunc(folded, func(r rune) bool { return r == ' ' || r == '/' || r == '-' })
	joined := strings.Join(words, "")
	var initials strings.Builder
	for _, w := range words {
		initials.WriteString(w[:1])
	}
	switch {
	case typed == "":
		return MatchNone
	case typed == joined:
		return MatchWhole
	case len(words) > 1 && typed == initials.String():
		return MatchInitials
	case len(words) > 1 && chains(typed, words):
		return MatchChain
	case strings.HasPrefix(joined, typed):
		return MatchPrefix
	}
	for _, w := range words {
		if strings.HasPrefix(w, typed) {
			return MatchWordStart
		}
	}
	if strings.Contains(joined, typed) {
		return MatchInside
	}
	return MatchNone
}

// chains reports whether typed is a non-empty start of each word in order,
// the first word included and none skipped: "gmed" is g+med.
func chains(typed string, words []string) bool {
	if typed == "" {
		return true
	}
	if len(words) == 0 || typed[0] != words[0][0] {
		return false
	}
	for n := min(len(typed), len(words[0])); n >= 1; n-- {
		if typed[:n] == words[0][:n] && chains(typed[n:], words[1:]) {
			return true
		}
	}
	return false
}

// BestTerms are the terms typed names, best first, then in vocabulary
// order.
func BestTerms(typed string, terms []Term) []Term {
	type scored struct {
		t     Term
		score TermMatch
		pos   int
	}
	var found []scored
	for i, t := range terms {
		if s := MatchTerm(typed, t.Name); s > MatchNone {
			found = append(found, scored{t, s, i})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score > found[j].score })
	out := make([]Term, len(found))
	for i, f := range found {
		out[i] = f.t
	}
	return out
}
