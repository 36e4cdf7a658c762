package sqlstore

import (
	"context"

	"backtrack/store"
)

// SaveRequest is one note to save and how: as a draft (nothing else set),
// saved and signed by By (Sign), or, for a signed note, amended by By for
// Reason (Amend). Consent carries the therapist's answer to the question
// the desk asks when the session treats areas without consent on file;
// whether the note is private is the note's own (Session.Private).
type SaveRequest struct {
	Session store.Session
	Sign    bool
	Amend   bool
	By      string
	Reason  string
	Consent store.ConsentCheck
	// OpenFlags names the open red flags the therapist chose to save over
	// ("" when none were open): kept in the record's history.
	OpenFlags string
}

// Save saves a note as req says, in one transaction: the one way a note is
// written from the desk, the command line and the sample practice. A rule
// that every save of a note must pass (a clinical gate) goes here, before
// the dispatch, and holds for every kind of save at once.
func (s *Store) Save(ctx context.Context, req SaveRequest) (store.Session, error) {
	switch {
	case len(req.Consent.Missing) > 0 || req.OpenFlags != "":
		return s.saveWithConsent(ctx, req.Session, req.Consent, req)
	case req.Amend:
		return s.amend(ctx, req.Session, req.Reason, req.By)
	case req.Sign:
		return s.saveSigned(ctx, req.Session, req.By)
	}
	return s.saveDraft(ctx, req.Session)
}
