package demo

import (
	"fmt"
	"math/rand"
)

// soap writes a plausible note for a visit; the wording follows the pain
// level and what the session found.
func soap(r *rand.Rand, before, after int, trigger, muscle string) (s, o, a, p, home string) {
	switch {
	case before >= 7:
		s = pick(r, "Severe pain since %s, worse in the morning.", "Sharp pain when bending after %s.",
			"Could hardly sleep; flare-up after %s.")
	case before >= 4:
		s = pick(r, "Moderate ache, mostly after %s.", "Stiff at the end of the day; %s this week.",
			"Pain comes and goes; noticed it after %s.")
	default:
		s = pick(r, "Feeling much better; slight tightness after %s.", "Only mild discomfort after %s.",
			"Good week, some stiffness after %s.")
	}
	s = fmt.Sprintf(s, lower(trigger))
	o = pick(r, "Hypertonic %s, tender trigger point.", "Restricted side-bending; %s tight on palpation.",
		"Guarded movement; %s firm, improved with work.", "Good range of motion; %s mildly tight.")
	o = fmt.Sprintf(o, lower(muscle))
	switch {
	case before-after >= 3:
		a = "Good response to treatment; clear relief within the session."
	case before-after >= 1:
		a = "Some relief; tissue responding gradually."
	default:
		a = "Little change today; consider adjusting pressure and stretches."
	}
	p = pick(r, "Every 2 weeks; reassess in 4 visits.", "Weekly for 3 weeks, then every 2 weeks.",
		"Every 3 weeks; maintain home stretches.", "Next week; focus on hip stabilisers.")
	home = pick(r, "Side-lying QL stretch, 3 x 30 s each side, twice daily.",
		"Clamshells 2 x 15 each side; stand up every 30 minutes at work.",
		"Child's pose and cat-cow, 5 minutes each morning.",
		"Foam roller for glutes, 2 minutes each side after runs.",
		"Heat pack 15 minutes in the evening; walk 20 minutes a day.")
	return s, o, a, p, home
}

func pick(r *rand.Rand, options ...string) string { return options[r.Intn(len(options))] }

func lower(s string) string {
	if s == "" {
		return s
	}
	b := []rune(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
