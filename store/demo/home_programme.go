package demo

import (
	"math/rand"

	"backtrack/store"
)

// The sample practice's home programmes: most visits give two to four
// exercises for the muscles treated, with their usual doses (one now and
// then changed), and every visit after one that gave a programme records
// how much of it the client did. They draw from their own random source,
// seeded by the visit, so the rest of the sample record is as before.

// withProgramme gives a visit its programme.
func withProgramme(sess store.Session) store.Session {
	r := rand.New(rand.NewSource(sess.Start.Unix()))
	if r.Intn(4) == 0 {
		return sess
	}
	suggested := store.ExercisesFor(sess.Muscles)
	if len(suggested) == 0 {
		suggested = store.Exercises()
	}
	n := min(len(suggested), 2+r.Intn(3))
	for _, ex := range suggested[:n] {
		rx := store.Prescription{Exercise: ex.ID, Dose: ex.Dose}
		if r.Intn(5) == 0 && rx.Dose.Reps > 0 {
			rx.Dose.Reps += 2
		}
		sess.Programme = append(sess.Programme, rx)
	}
	return sess
}

// withAdherence records, at a visit, what the client did of the last
// visit's programme.
func withAdherence(sess, last store.Session) store.Session {
	if len(last.Programme) == 0 {
		return sess
	}
	r := rand.New(rand.NewSource(sess.Start.Unix() + 1))
	level := []store.AdherenceLevel{store.DidAll, store.DidAll, store.DidSome, store.DidSome, store.DidNone}[r.Intn(5)]
	sess.Adherence = store.Adherence{Level: level}
	if level == store.DidSome {
		rx := last.Programme[r.Intn(len(last.Programme))]
		sess.Adherence.Hard = rx.Title()
	}
	return sess
}
