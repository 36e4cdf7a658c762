package kit

import (
	"sort"
	"strings"

	"backtrack/store"
)

// How well a typed text names a term; higher is better, 0 is no match.
const (
	matchNone = iota
	matchInside
	matchWordStart
	matchPrefix
	matchChain    // the start of each word in turn: "gmed", "quadlum"
	matchInitials // "ql", "tfl"
	matchWhole    // the name itself, or the therapist's own short term
)

// termMatch scores how well typed (folded) names a term. Therapists type
// the abbreviations they write on paper, so initials ("ql") and the start
// of each word ("gmed" for gluteus medius) count as much as the name; a
// term the therapist added ("QL") is matched as typed.
func termMatch(typed, name string) int {
	typed = strings.ReplaceAll(store.Fold(typed), " ", "")
	folded := store.Fold(name)
	words := strings.FieldsFunc(folded, func(r rune) bool { return r == ' ' || r == '/' || r == '-' })
	joined := strings.Join(words, "")
	var initials strings.Builder
	for _, w := range words {
		initials.WriteString(w[:1])
	}
	switch {
	case typed == "":
		return matchNone
	case typed == joined:
		return matchWhole
	case len(words) > 1 && typed == initials.String():
		return matchInitials
	case len(words) > 1 && chains(typed, words):
		return matchChain
	case strings.HasPrefix(joined, typed):
		return matchPrefix
	}
	for _, w := range words {
		if strings.HasPrefix(w, typed) {
			return matchWordStart
		}
	}
	if strings.Contains(joined, typed) {
		return matchInside
	}
	return matchNone
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
func BestTerms(typed string, terms []store.Term) []store.Term {
	type scored struct {
		t     store.Term
		score int
		pos   int
	}
	var found []scored
	for i, t := range terms {
		if s := termMatch(typed, t.Name); s > matchNone {
			found = append(found, scored{t, s, i})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score > found[j].score })
	out := make([]store.Term, len(found))
	for i, f := range found {
		out[i] = f.t
	}
	return out
}

// SplitSide takes a side named at the end of what was typed ("ql l",
// "gmed right") off the name.
func SplitSide(typed string) (string, store.Side) {
	fields := strings.Fields(typed)
	if len(fields) < 2 {
		return typed, store.NoSide
	}
	last := strings.ToLower(fields[len(fields)-1])
	for _, s := range store.Sides {
		if last == string(s) || last == strings.ToLower(s.Short()) || last == string(s)[:1] {
			return strings.Join(fields[:len(fields)-1], " "), s
		}
	}
	return typed, store.NoSide
}
