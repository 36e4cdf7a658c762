package sessionform

import (
	"context"
	"errors"

	"backtrack/store"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// FormKinds are the tag rows the session form shows, in order: every kind
// but the location words, whose place the body chart takes.
var FormKinds = []store.Kind{store.PainType, store.Trigger, store.Muscle, store.Technique}

// makeBodyChart builds where it hurts: the muscles ticked drawn on it, a
// new mark taking the pain type when one is ticked, the location words
// that fit no region named on its line.
func (f *SessionForm) makeBodyChart(vocab map[store.Kind][]store.Term) {
	b := newBodyChartInput(vocab[store.PainType], vocab[store.Location])
	f.BodyChart = b
	b.muscles = func() []store.Tag { return f.Pickers[store.Muscle].Tags() }
	b.locations = func() []store.Tag {
		s := store.Session{Locations: f.Pickers[store.Location].Tags()}
		return s.UnmappedLocations()
	}
	b.defaultType = func() store.Tag {
		if ticked := f.Pickers[store.PainType].Tags(); len(ticked) == 1 {
			return store.Tag{TermID: ticked[0].TermID, Name: ticked[0].Name}
		}
		return store.Tag{}
	}
	b.onEscape = f.Escape
	b.onSave = f.Submit
	b.CopyLast.OnTapped = f.CopyMap
	b.Chart.Copy.OnTapped = f.CopyMap
	f.Pickers[store.Muscle].OnChange = b.musclesChanged
	f.Problems.Fields["body_map"] = b.Error
}

// OpenChart opens the body chart over the form (Ctrl+B).
func (f *SessionForm) OpenChart() { f.BodyChart.open() }

// CopyMap copies where it hurt last time onto the chart (Copy last map,
// Ctrl+Shift+B), for the therapist to adjust: the marks with their pain
// types and intensities, and the location words that fit no region.
func (f *SessionForm) CopyMap() {
	if !f.BodyChart.CopyLast.Visible() {
		return // an edited note: "last session" is this one or a later one
	}
	f.tasks.Run(func() func() {
		last, err := f.store.LastSession(context.Background(), f.client.ID)
		return func() {
			switch {
			case errors.Is(err, store.ErrNotFound):
				f.BodyChart.tell("No earlier session to copy from")
			case err != nil:
				f.BodyChart.tell(words.ErrorText(err))
			case len(last.BodyMap) == 0 && len(last.UnmappedLocations()) == 0:
				f.BodyChart.tell("The session of " + kit.LongDate(last.Start) + " marked nothing")
			default:
				f.Pickers[store.Location].Set(last.Locations)
				f.BodyChart.copied(last)
			}
		}
	})
}
