package store

import (
	"fmt"
	"time"
)

// PutScreen validates screen and adds it to the record, or replaces the
// one with its UID (a new one gets its UID here); it returns the words of
// the history's entry for it.
func (h *Health) PutScreen(screen *RedFlagScreen, dob, today time.Time) (string, error) {
	if err := screen.Validate(dob, today).Err(); err != nil {
		return "", err
	}
	if screen.UID == "" {
		screen.UID = NewUID()
		h.Screens = append(h.Screens, *screen)
	} else {
		i := indexOf(h.Screens, func(x RedFlagScreen) bool { return x.UID == screen.UID })
		if i < 0 {
			return "", fmt.Errorf("red-flag screen %s: %w", screen.UID, ErrNotFound)
		}
		h.Screens[i] = *screen
	}
	words := "Red-flag screen of " + screen.On.Format(DateLayout) + ": "
	if pos := screen.PositiveWords(); pos != "" {
		words += "yes to " + pos
	} else {
		words += fmt.Sprintf("no red flag (%d of %d asked)", screen.Asked(), len(RedFlags))
	}
	if out := screen.Outcome(); out != "" {
		words += "; " + out
	}
	return words, nil
}

// PutConsent validates consent and adds it to the record, or replaces the
// one with its UID, such as to record its withdrawal; it returns the words
// of the history's entry for it.
func (h *Health) PutConsent(consent *Consent, dob, today time.Time) (string, error) {
	if err := consent.Validate(dob, today).Err(); err != nil {
		return "", err
	}
	if consent.UID == "" {
		consent.UID = NewUID()
		h.Consents = append(h.Consents, *consent)
	} else {
		i := indexOf(h.Consents, func(x Consent) bool { return x.UID == consent.UID })
		if i < 0 {
			return "", fmt.Errorf("consent %s: %w", consent.UID, ErrNotFound)
		}
		h.Consents[i] = *consent
	}
	words := fmt.Sprintf("%s consent of %s", consent.How.Label(), consent.On.Format(DateLayout))
	if cov := consent.Covers(); cov != "" {
		words += ": " + cov
	}
	if len(consent.Excluded) > 0 {
		words += "; excluded: " + AreaLabels(consent.Excluded)
	}
	if consent.Withdrawn() {
		what := "all of it"
		if len(consent.WithdrawnAreas) > 0 {
			what = AreaLabels(consent.WithdrawnAreas)
		}
		words += "; withdrawn on " + consent.WithdrawnOn.Format(DateLayout) + " (" + what + ")"
	}
	return words, nil
}

func indexOf[T any](list []T, match func(T) bool) int {
	for i, x := range list {
		if match(x) {
			return i
		}
	}
	return -1
}
