package sessionform

import (
	"slices"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/ui/kit"
)

// The form's two gates: consent, asked the moment a muscle that reaches an
// area without consent is ticked, and an open red flag, asked when the note
// is saved or signed. Both take their answer into the one save request.

// gateAnswer is the therapist's answer for an area, kept until the save.
type gateAnswer struct {
	choice store.ConsentChoice
	reason string
}

// wireGates asks about each muscle as it is ticked; the muscles the form
// opened with were asked about when they were first saved.
func (f *SessionForm) wireGates() {
	p := f.Pickers[store.Muscle]
	before := p.OnChange
	p.OnChange = func() {
		if before != nil {
			before()
		}
		f.musclesChanged()
	}
	f.answers = map[store.ConsentArea]gateAnswer{}
	f.ticked = map[string]bool{}
	for _, m := range p.Tags() {
		f.ticked[m.Name] = true
	}
}

// musclesChanged queues a question for each muscle newly ticked.
func (f *SessionForm) musclesChanged() {
	if f.ticked == nil {
		return // still filling the form
	}
	now := map[string]bool{}
	for _, m := range f.Pickers[store.Muscle].Tags() {
		now[m.Name] = true
		if !f.ticked[m.Name] && !slices.Contains(f.gateQueue, m.Name) {
			f.gateQueue = append(f.gateQueue, m.Name)
		}
	}
	f.ticked = now
	if !f.gating {
		f.askNext(nil)
	}
}

// day is the visit's day as typed, else today.
func (f *SessionForm) day() time.Time {
	if d, ok := kit.ParseDay(f.Date.Text); ok {
		return store.WallClock(d)
	}
	return store.WallClock(f.today)
}

// questions are the consent questions for muscle not answered yet.
func (f *SessionForm) questions(muscle string) []store.ConsentQuestion {
	var out []store.ConsentQuestion
	for _, q := range store.ConsentGate(f.Health.Consents, f.Regulator, muscle, f.day()) {
		if a, ok := f.answers[q.Area]; ok && a.choice != store.RecordWrittenConsent {
			continue
		}
		out = append(out, q)
	}
	return out
}

// askNext asks the queued muscles' questions one at a time, then runs
// done, unless the therapist went back to the note.
func (f *SessionForm) askNext(done func()) {
	for len(f.gateQueue) > 0 {
		muscle := f.gateQueue[0]
		if !f.ticked[muscle] {
			f.gateQueue = f.gateQueue[1:]
			continue
		}
		qs := f.questions(muscle)
		if len(qs) == 0 || f.AskGate == nil {
			f.gateQueue = f.gateQueue[1:]
			continue
		}
		f.gating = true
		f.AskGate(qs[0], func(choice store.ConsentChoice, reason string) {
			if !f.gating {
				return // a question is answered once
			}
			switch choice {
			case store.BackToNote:
				f.dropAsked(muscle)
				// still gating: the untick must not start a second round
				// of questions beside this one
				f.untick(muscle)
				done = nil // back to the note: the save waits for the therapist
			case store.RecordWrittenConsent:
				f.answers[qs[0].Area] = gateAnswer{choice: choice}
				f.dropAsked(muscle)
				f.gating = false
				if f.OnWrittenConsent != nil {
					f.OnWrittenConsent()
				}
				return // the consent form is open: its save brings the answer
			default:
				f.answers[qs[0].Area] = gateAnswer{choice: choice, reason: reason}
			}
			f.gating = false
			f.askNext(done)
		})
		return
	}
	if done != nil {
		done()
	}
}

// dropAsked takes muscle, just answered, off the front of the queue.
func (f *SessionForm) dropAsked(muscle string) {
	if len(f.gateQueue) > 0 && f.gateQueue[0] == muscle {
		f.gateQueue = f.gateQueue[1:]
	}
}

// untick takes a muscle off the note.
func (f *SessionForm) untick(muscle string) {
	for _, it := range f.Pickers[store.Muscle].Items {
		if it.Term.Name == muscle && it.Check.Checked {
			it.Check.SetChecked(false)
		}
	}
}

// consentCheck is the answers for the areas the session reaches without
// consent, as the save keeps them; ok false when an area is unanswered
// (a muscle ticked before the form opened, or written consent asked for
// and not signed), whose muscles are queued to be asked now.
func (f *SessionForm) consentCheck(missing []store.AreaWithoutConsent) (store.ConsentCheck, bool) {
	check := store.ConsentCheck{Missing: missing, Regulator: f.Regulator, Answer: store.ConsentGivenNow}
	var reasons []string
	ok := true
	for _, m := range missing {
		a, answered := f.answers[m.Area]
		if !answered || a.choice == store.RecordWrittenConsent {
			delete(f.answers, m.Area)
			ok = false
			for _, muscle := range m.Muscles {
				if !slices.Contains(f.gateQueue, muscle) {
					f.gateQueue = append(f.gateQueue, muscle)
				}
			}
			continue
		}
		if a.choice == store.TreatExcludedAnyway {
			check.Answer = store.ConsentTreatedExcluded
			reasons = append(reasons, m.Area.Label()+": "+a.reason)
		}
	}
	check.Reason = strings.Join(reasons, "; ")
	return check, ok
}

// gatesThen runs save once both gates are answered: an open red flag asks
// first, then any area still without an answer.
func (f *SessionForm) gatesThen(s store.Session, save func(check store.ConsentCheck, openFlags string), retry func()) {
	open := f.Health.OpenScreens()
	if len(open) > 0 && f.AskFlags != nil && !f.flagsAnswered {
		f.AskFlags(open, func(saveAnyway bool) {
			if saveAnyway {
				f.flagsAnswered = true
				retry()
			}
		})
		return
	}
	var flags []string
	if f.flagsAnswered {
		for _, o := range open {
			flags = append(flags, o.Level().Words()+" ("+o.PositiveWords()+"), screen of "+o.On.Format(store.DateLayout))
		}
	}
	missing := store.MissingConsent(f.Health.Consents, s.Muscles, s.Start)
	if len(missing) == 0 || f.AskGate == nil {
		save(store.ConsentCheck{}, strings.Join(flags, "; "))
		return
	}
	check, ok := f.consentCheck(missing)
	if !ok {
		f.askNext(retry)
		return
	}
	save(check, strings.Join(flags, "; "))
}
