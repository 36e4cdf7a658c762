package interchange

import (
	"errors"
	"fmt"
	"strings"

	"backtrack/store"
)

// ErrNewTerms refuses a file that would add vocabulary when the import was
// asked for known terms only (ImportOptions.KnownTermsOnly); the summary
// lists the terms, and nothing was written.
var ErrNewTerms = errors.New("the file names terms your vocabulary lacks; nothing was imported")

// errNamesSeveral is a name that reads as more than one term, reported at
// its cell.
var errNamesSeveral = errors.New("names several terms")

// errUnknownTerm is a name the vocabulary lacks where only known terms
// are taken, reported at its cell.
var errUnknownTerm = errors.New("not in the vocabulary")

// TermReading is a name a file used and the term it was read as.
type TermReading struct {
	Typed string
	Term  store.Term
}

// splitTagItems splits a cell into its names at semicolons, and at commas
// within an item unless the whole item is a term (isTerm), which the desk
// cannot make but an older file may have brought.
func splitTagItems(cell string, isTerm func(string) bool) []string {
	var out []string
	for _, item := range strings.Split(cell, ";") {
		if !strings.Contains(item, ",") || isTerm(strings.TrimSpace(store.SideSuffix.ReplaceAllString(item, "$1"))) {
			out = append(out, item)
			continue
		}
		out = append(out, strings.Split(item, ",")...)
	}
	return out
}

// readTerm finds the term a name means. The vocabulary's own name (case
// and accents aside) comes first; then, for a CSV, the name read as the
// desk's tag picker reads it: the initials ("QL"), the start of each word
// ("gmed") or of the name ("stretch"), when exactly one term matches best
// that well. A weaker match or none is a new term, added as the therapist's
// own; a name two terms match equally well is reported, never guessed.
func (im *importer) readTerm(kind store.Kind, name string, report func(string)) (store.Term, error) {
	if !im.readShortForms {
		return im.term(kind, name)
	}
	t, err := im.b.TermNamed(kind, name)
	if err == nil || !errors.Is(err, store.ErrNotFound) {
		return t, err
	}
	terms, err := im.vocabularyOf(kind)
	if err != nil {
		return store.Term{}, err
	}
	var best []store.Term
	bestScore := store.MatchPrefix // weaker matches are new terms
	for _, t := range terms {
		switch score := store.MatchTerm(name, t.Name); {
		case score > bestScore:
			best, bestScore = []store.Term{t}, score
		case score == bestScore:
			best = append(best, t)
		}
	}
	switch {
	case len(best) == 0 && kind == store.Muscle && im.knownMusclesOnly:
		report(unknownTermMessage(kind, name, terms))
		return store.Term{}, errUnknownTerm
	case len(best) == 0:
		return im.term(kind, name)
	case len(best) == 1:
		im.noteReading(kind, name, best[0])
		return best[0], nil
	}
	report(fmt.Sprintf("%q could be %s or %s; write the name in full", store.Clip(name), best[0].Name, best[1].Name))
	return store.Term{}, errNamesSeveral
}

// vocabularyOf is the kind's terms in use, read once per import.
func (im *importer) vocabularyOf(kind store.Kind) ([]store.Term, error) {
	if terms, ok := im.vocabulary[kind]; ok {
		return terms, nil
	}
	terms, err := im.b.Terms(kind)
	if err != nil {
		return nil, err
	}
	if im.vocabulary == nil {
		im.vocabulary = map[store.Kind][]store.Term{}
	}
	im.vocabulary[kind] = terms
	return terms, nil
}

// noteReading lists a short form once in the summary.
func (im *importer) noteReading(kind store.Kind, typed string, t store.Term) {
	key := string(kind) + "|" + store.Fold(typed)
	if im.readAs == nil {
		im.readAs = map[string]bool{}
	}
	if !im.readAs[key] {
		im.readAs[key] = true
		im.sum.ReadAs = append(im.sum.ReadAs, TermReading{Typed: typed, Term: t})
	}
}

// unknownTermMessage says a name is not in the kind's list, with the
// nearest names the desk's picker would offer for it.
func unknownTermMessage(kind store.Kind, name string, terms []store.Term) string {
	msg := fmt.Sprintf("%q is not in your %s list", store.Clip(name), strings.ToLower(kind.Label()))
	if near := store.BestTerms(name, terms); len(near) > 0 {
		names := make([]string, 0, 3)
		for _, t := range near[:min(3, len(near))] {
			names = append(names, t.Name)
		}
		msg += "; nearest: " + strings.Join(names, ", ")
	}
	return msg + "; write the name as the list has it, or add it to your vocabulary first"
}
