package recordjson

import "backtrack/store"

// Exercise is one exercise of a home programme: a library exercise by its
// ID, or the therapist's own by name and words (with a library picture).
type Exercise struct {
	Exercise string     `json:"exercise,omitempty"`
	Name     string     `json:"name,omitempty"`
	Words    string     `json:"words,omitempty"`
	Pose     string     `json:"pose,omitempty"`
	Side     store.Side `json:"side,omitempty"`
	HoldSec  int        `json:"hold_s,omitempty"`
	Reps     int        `json:"reps,omitempty"`
	Sets     int        `json:"sets,omitempty"`
	PerDay   int        `json:"per_day,omitempty"`
}

// Adherence is how much of the last programme the client did.
type Adherence struct {
	Level store.AdherenceLevel `json:"level,omitempty"`
	Hard  string               `json:"hard,omitempty"`
}

// FromProgramme is a programme as JSON; nil for none, so a note without
// one is written as before.
func FromProgramme(programme []store.Prescription) []Exercise {
	var out []Exercise
	for _, rx := range programme {
		out = append(out, Exercise{Exercise: rx.Exercise, Name: rx.Name, Words: rx.Words, Pose: rx.Pose, Side: rx.Side,
			HoldSec: rx.Dose.HoldSec, Reps: rx.Dose.Reps, Sets: rx.Dose.Sets, PerDay: rx.Dose.PerDay})
	}
	return out
}

// ProgrammeContent is the programme the JSON holds.
func ProgrammeContent(in []Exercise) []store.Prescription {
	var out []store.Prescription
	for _, e := range in {
		out = append(out, store.Prescription{Exercise: e.Exercise, Name: e.Name, Words: e.Words, Pose: e.Pose, Side: e.Side,
			Dose: store.Dose{HoldSec: e.HoldSec, Reps: e.Reps, Sets: e.Sets, PerDay: e.PerDay}})
	}
	return out
}

// FromAdherence is nil when nothing was asked.
func FromAdherence(a store.Adherence) *Adherence {
	if !a.Asked() {
		return nil
	}
	return &Adherence{Level: a.Level, Hard: a.Hard}
}

// AdherenceContent is the adherence the JSON holds.
func AdherenceContent(a *Adherence) store.Adherence {
	if a == nil {
		return store.Adherence{}
	}
	return store.Adherence{Level: a.Level, Hard: a.Hard}
}
