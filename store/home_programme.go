package store

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A home programme is the exercises a therapist sends a client home with,
// each with its dose. It is part of the session's note: signed, sealed and
// amended with it. At the next visit the therapist records how much of it
// the client did (Adherence), which the insights and the pain chart read.

// Dose is how much of an exercise: hold each time for HoldSec seconds, Reps
// times, in Sets sets, PerDay times a day. A zero part is not said.
type Dose struct {
	HoldSec int
	Reps    int
	Sets    int
	PerDay  int
}

// Limits that keep a dose one a person can do (and a typo visible).
const (
	maxHoldSec = 600
	maxReps    = 100
	maxSets    = 10
	maxPerDay  = 10
)

// Words is the dose as a handout says it: "Hold 30 s · 3 times · 2 sets ·
// twice a day".
func (d Dose) Words() string {
	var parts []string
	if d.HoldSec > 0 {
		parts = append(parts, fmt.Sprintf("Hold %d s", d.HoldSec))
	}
	if d.Reps > 0 {
		parts = append(parts, timesWord(d.Reps))
	}
	if d.Sets > 1 {
		parts = append(parts, fmt.Sprintf("%d sets", d.Sets))
	}
	switch {
	case d.PerDay == 1:
		parts = append(parts, "once a day")
	case d.PerDay == 2:
		parts = append(parts, "twice a day")
	case d.PerDay > 2:
		parts = append(parts, fmt.Sprintf("%d times a day", d.PerDay))
	}
	return strings.Join(parts, " · ")
}

func timesWord(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// Short is the dose in a note's line: "30s×3×2, 2/day".
func (d Dose) Short() string {
	var b strings.Builder
	if d.HoldSec > 0 {
		b.WriteString(strconv.Itoa(d.HoldSec) + "s")
	}
	for _, n := range []int{d.Reps, d.Sets} {
		if n > 0 {
			if b.Len() > 0 {
				b.WriteString("×")
			}
			b.WriteString(strconv.Itoa(n))
		}
	}
	if d.PerDay > 0 {
		fmt.Fprintf(&b, ", %d/day", d.PerDay)
	}
	return b.String()
}

// Prescription is one exercise of a programme: one from the library
// (Exercise, its ID) or the therapist's own (Name and Words, with a
// library pose to draw, or none).
type Prescription struct {
	Exercise string // a library exercise's ID; "" for the therapist's own
	Name     string // the therapist's own exercise; filled from the library when read
	Words    string // the therapist's own instructions, or a line added to the library's
	Pose     string // the library exercise whose picture the own exercise borrows ("" none)
	Side     Side   // the side to do it on, where it matters
	Dose     Dose
}

// Title is the exercise's name as the handout heads it, with its side.
func (p Prescription) Title() string {
	name := p.Name
	if ex, ok := ExerciseByID(p.Exercise); ok {
		name = ex.Name
	}
	switch p.Side {
	case Left:
		return name + " (left side)"
	case Right:
		return name + " (right side)"
	}
	return name
}

// Picture is the library exercise whose picture goes with it, if any.
func (p Prescription) Picture() (Exercise, bool) {
	if p.Exercise != "" {
		return ExerciseByID(p.Exercise)
	}
	return ExerciseByID(p.Pose)
}

// AdherenceLevel is how much of the last programme the client did.
type AdherenceLevel string

// The answers of the one quick question; NotAskedAdherence is the zero value.
const (
	NotAskedAdherence AdherenceLevel = ""
	DidAll            AdherenceLevel = "all"
	DidSome           AdherenceLevel = "some"
	DidNone           AdherenceLevel = "none"
)

// AdherenceLevels lists the choices in form order.
var AdherenceLevels = []AdherenceLevel{NotAskedAdherence, DidAll, DidSome, DidNone}

// Label is the choice as a form shows it.
func (l AdherenceLevel) Label() string {
	switch l {
	case DidAll:
		return "All of it"
	case DidSome:
		return "Some of it"
	case DidNone:
		return "None of it"
	}
	return "Not asked"
}

// ParseAdherenceLevel reads "", "all", "some" or "none" (any case).
func ParseAdherenceLevel(s string) (AdherenceLevel, bool) {
	switch l := AdherenceLevel(strings.ToLower(strings.TrimSpace(s))); l {
	case NotAskedAdherence, DidAll, DidSome, DidNone:
		return l, true
	}
	return NotAskedAdherence, false
}

// Adherence is what the client says at a visit about the programme given
// at the one before: how much they did, and the exercise that was hard.
type Adherence struct {
	Level AdherenceLevel
	Hard  string // the exercise that was hard, in the therapist's words
}

// Asked reports whether anything was recorded.
func (a Adherence) Asked() bool {
	return a.Level != NotAskedAdherence || strings.TrimSpace(a.Hard) != ""
}

// Words is "some of it; hard: Bird-dog".
func (a Adherence) Words() string {
	w := strings.ToLower(a.Level.Label())
	if a.Hard != "" {
		w += "; hard: " + a.Hard
	}
	return w
}

// checkProgramme tidies a programme and names what a therapist must fix.
func (p *Problems) checkProgramme(programme []Prescription, adherence *Adherence) {
	seen := map[string]bool{}
	for i := range programme {
		rx := &programme[i]
		rx.Name, rx.Words, rx.Pose = tidyLine(rx.Name), tidyNote(rx.Words), strings.TrimSpace(rx.Pose)
		label := fmt.Sprintf("Home programme, exercise %d", i+1)
		if rx.Exercise != "" {
			ex, ok := ExerciseByID(rx.Exercise)
			if !ok {
				p.Add("programme", fmt.Sprintf("%s: %q is not in the exercise library", label, rx.Exercise))
				continue
			}
			rx.Name, rx.Pose, label = "", "", "Home programme, "+ex.Name
		} else {
			if rx.Name == "" {
				p.Add("programme", label+": name your own exercise")
			}
			p.checkLine("programme", label, rx.Name, maxNameLen)
			if _, ok := ExerciseByID(rx.Pose); rx.Pose != "" && !ok {
				p.Add("programme", fmt.Sprintf("%s: picture %q is not in the exercise library", label, rx.Pose))
			}
		}
		key := rx.Exercise + "|" + Fold(rx.Name) + "|" + string(rx.Side)
		if seen[key] {
			p.Add("programme", label+" is prescribed twice")
		}
		seen[key] = true
		switch rx.Side {
		case NoSide, Left, Right, Both:
		default:
			p.Add("programme", fmt.Sprintf("%s: side %q is not left, right or both", label, rx.Side))
		}
		p.checkNote("programme", label, rx.Words)
		for _, part := range []struct {
			name     string
			n, limit int
		}{{"hold", rx.Dose.HoldSec, maxHoldSec}, {"repetitions", rx.Dose.Reps, maxReps},
			{"sets", rx.Dose.Sets, maxSets}, {"times a day", rx.Dose.PerDay, maxPerDay}} {
			if part.n < 0 || part.n > part.limit {
				p.Add("programme", fmt.Sprintf("%s: %s must be between 0 and %d (got %d)", label, part.name, part.limit, part.n))
			}
		}
	}
	adherence.Hard = tidyLine(adherence.Hard)
	if _, ok := ParseAdherenceLevel(string(adherence.Level)); !ok {
		p.Add("adherence", fmt.Sprintf("Adherence %q is not all, some or none", adherence.Level))
	}
	p.checkLine("adherence", "The exercise that was hard", adherence.Hard, maxLineLen)
}

// programmeKey is a programme in a form that compares and hashes: every
// part of every prescription, in the order prescribed (the handout's).
func programmeKey(programme []Prescription) string {
	parts := make([]string, len(programme))
	for i, rx := range programme {
		parts[i] = strings.Join([]string{rx.Exercise, rx.Name, rx.Words, rx.Pose, string(rx.Side),
			strconv.Itoa(rx.Dose.HoldSec), strconv.Itoa(rx.Dose.Reps), strconv.Itoa(rx.Dose.Sets),
			strconv.Itoa(rx.Dose.PerDay)}, "\x1d")
	}
	return strings.Join(parts, "\x1e")
}

// AdherencePoint is what the client said at one visit about the programme
// given at the visit before: one mark of the row beside the pain chart, and
// what the insights read.
type AdherencePoint struct {
	SessionID int64
	Start     time.Time
	Adherence Adherence
}

// AdherenceOf lists the visits that recorded adherence, oldest first, from
// sessions in any order (voided ones left out).
func AdherenceOf(sessions []Session) []AdherencePoint {
	var out []AdherencePoint
	for i := range sessions {
		s := &sessions[i]
		if s.Adherence.Asked() && !s.Voided() {
			out = append(out, AdherencePoint{SessionID: s.ID, Start: s.Start, Adherence: s.Adherence})
		}
	}
	slices.SortFunc(out, func(a, b AdherencePoint) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.SessionID, b.SessionID)
	})
	return out
}

// Adherence is the client record's adherence, visit by visit, oldest first.
func (r ClientRecord) Adherence() []AdherencePoint { return AdherenceOf(r.Sessions) }

// LatestProgramme is the newest visit, before the one at before (zero for
// any), that gave a home programme: what "copy from last session" copies,
// what the next visit asks adherence about and what a handout prints.
func LatestProgramme(sessions []Session, before time.Time) (Session, bool) {
	var best *Session
	for i := range sessions {
		s := &sessions[i]
		if len(s.Programme) == 0 || s.Voided() || (!before.IsZero() && !s.Start.Before(before)) {
			continue
		}
		if best == nil || s.Start.After(best.Start) || (s.Start.Equal(best.Start) && s.ID > best.ID) {
			best = s
		}
	}
	if best == nil {
		return Session{}, false
	}
	return *best, true
}

// ProgrammeLines are a programme as a note reads it, one exercise a line:
// "Clamshell: 12 times · 2 sets · once a day".
func ProgrammeLines(programme []Prescription) string {
	lines := make([]string, len(programme))
	for i, rx := range programme {
		lines[i] = rx.Title()
		if d := rx.Dose.Words(); d != "" {
			lines[i] += ": " + d
		}
		if rx.Words != "" {
			lines[i] += " (" + strings.Join(strings.Fields(rx.Words), " ") + ")"
		}
	}
	return strings.Join(lines, "\n")
}
