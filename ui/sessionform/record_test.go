package sessionform

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/kit"
)

// signedElsewhere is a real record whose note was signed at another desk
// between the form's opening and its save.
type signedElsewhere struct{ *sqlstore.Store }

func (signedElsewhere) Save(context.Context, sqlstore.SaveRequest) (store.Session, error) {
	return store.Session{}, fmt.Errorf("save session 12: %w", store.ErrLocked)
}

func TestADraftSignedAtAnotherDeskSaysToAmendIt(t *testing.T) {
	// given a draft open in the form, signed meanwhile at another desk
	test.NewTempApp(t)
	s := desktest.OpenStore(t)
	c := desktest.AddClient(t, s, store.Client{FirstName: "Lena", LastName: "Fischer"})
	draft := desktest.AddSession(t, s, store.Session{ClientID: c.ID, Start: desktest.Now.Add(-time.Hour),
		PainBefore: store.PainOf(5)})
	tasks := &kit.Tasks{}
	f := NewSessionForm(signedElsewhere{s}, tasks, c, nil, draft, desktest.Now)
	// when the therapist saves it here
	tasks.OnUI(f.Submit)
	tasks.Wait()
	// then the form says the note is signed and is changed by amendment
	desktest.MustContain(t, "problem", f.Problems.Summary.Text, "signed", "Amend")
}
