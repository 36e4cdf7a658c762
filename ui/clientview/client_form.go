package clientview

import (
	"context"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/kit"
	"backtrack/ui/sessionform"
)

// ClientForm adds a client or edits one, in a dialog over the desk.
type ClientForm struct {
	store *sqlstore.Store
	tasks *kit.Tasks
	Base  store.Client

	FirstName         *kit.Entry
	LastName          *kit.Entry
	DateOfBirth       *kit.Entry
	Phone             *kit.Entry
	Email             *kit.Entry
	MedicalHistory    *kit.Entry
	Medications       *kit.Entry
	Contraindications *kit.Entry

	Save     *kit.Button
	Cancel   *kit.Button
	Problems *kit.FormProblems

	initial []string
	Saving  kit.FormSave

	OnSaved  func(store.Client)
	OnCancel func()

	Dialog  *dialog.CustomDialog
	Content fyne.CanvasObject
}

func NewClientForm(s *sqlstore.Store, t *kit.Tasks, c store.Client) *ClientForm {
	f := &ClientForm{store: s, tasks: t, Base: c, Problems: kit.NewFormProblems()}
	f.FirstName = kit.NewEntry("")
	f.LastName = kit.NewEntry("")
	f.DateOfBirth = kit.NewEntry("YYYY-MM-DD")
	f.Phone = kit.NewEntry("")
	f.Email = kit.NewEntry("name@example.com")
	f.MedicalHistory = kit.NewNoteEntry("Past conditions, surgeries, injuries", 2)
	f.Medications = kit.NewNoteEntry("Current medications", 2)
	f.Contraindications = kit.NewNoteEntry("Anything that limits or rules out treatment", 2)
	f.Saving = kit.NewFormSave(t, f.Problems, f.Submit, f.Escape)
	f.Save, f.Cancel = f.Saving.Button, f.Saving.Cancel
	f.Saving.Retrying("what you typed", c.ID == 0, &f.Base.UID)

	f.FirstName.SetText(c.FirstName)
	f.LastName.SetText(c.LastName)
	if !c.DateOfBirth.IsZero() {
		f.DateOfBirth.SetText(c.DateOfBirth.Format(store.DateLayout))
	}
	f.Phone.SetText(c.Phone)
	f.Email.SetText(c.Email)
	f.MedicalHistory.SetText(c.MedicalHistory)
	f.Medications.SetText(c.Medications)
	f.Contraindications.SetText(c.Contraindications)

	rows := container.New(layout.NewFormLayout())
	add := func(label, field string, e *kit.Entry) {
		e.OnEscape = f.Escape
		rows.Add(sessionform.RowLabel(label))
		rows.Add(container.NewVBox(e, f.Problems.Field(field)))
	}
	add("First name", "first_name", f.FirstName)
	add("Last name", "last_name", f.LastName)
	add("Date of birth", "date_of_birth", f.DateOfBirth)
	add("Phone", "phone", f.Phone)
	add("Email", "email", f.Email)
	add("Medical history", "medical_history", f.MedicalHistory)
	add("Medications", "medications", f.Medications)
	add("Contraindications", "contraindications", f.Contraindications)
	hint := kit.NewHint("Before every treatment, contraindications are shown in red, medications in amber and the medical history as plain text. The full health history, the red-flag screen and the consent are recorded with the client's Intake… and Consent… buttons.")
	rows.Add(layout.NewSpacer())
	rows.Add(hint)

	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(f.Cancel, f.Save), f.Problems.Summary)
	f.Content = container.NewBorder(nil, container.NewVBox(f.Saving.Retry.Bar, buttons), nil, nil, container.NewVScroll(rows))
	f.Problems.Relayout = func() { kit.RelayoutAll(f.Content) }
	f.initial = f.values()
	return f
}

func (f *ClientForm) values() []string {
	return []string{f.FirstName.Text, f.LastName.Text, f.DateOfBirth.Text, f.Phone.Text, f.Email.Text,
		f.MedicalHistory.Text, f.Medications.Text, f.Contraindications.Text}
}

// Dirty reports changes not yet saved.
func (f *ClientForm) Dirty() bool { return !reflect.DeepEqual(f.values(), f.initial) }

func (f *ClientForm) Escape() {
	if f.OnCancel != nil {
		f.OnCancel()
	}
}

// Read turns the fields into a client; a date of birth that is not a date
// is reported at its field before anything is saved.
func (f *ClientForm) Read() (store.Client, map[string]string) {
	c := f.Base
	c.FirstName, c.LastName = f.FirstName.Text, f.LastName.Text
	c.Phone, c.Email = f.Phone.Text, f.Email.Text
	c.MedicalHistory, c.Medications, c.Contraindications = f.MedicalHistory.Text, f.Medications.Text, f.Contraindications.Text
	problems := map[string]string{}
	c.DateOfBirth = time.Time{}
	if text := strings.TrimSpace(f.DateOfBirth.Text); text != "" {
		dob, err := kit.ReadDay(text)
		if err != nil {
			problems["date_of_birth"] = kit.DateProblem("Date of birth", err)
		}
		c.DateOfBirth = dob
	}
	return c, problems
}

// Submit checks the fields and saves the client in the background.
func (f *ClientForm) Submit() { f.SubmitThen(nil) }

// SubmitThen saves like Submit, then runs then (when not nil) once the
// save has landed; a refused save drops it (see SessionForm.submitThen).
func (f *ClientForm) SubmitThen(then func()) {
	c, problems := f.Read()
	kit.SubmitForm(&f.Saving, c, problems, func(ctx context.Context, c store.Client) (store.Client, error) {
		if c.ID == 0 {
			return f.store.CreateClient(ctx, c)
		}
		return f.store.UpdateClient(ctx, c)
	}, func(saved store.Client) {
		f.Base = saved // a second click while the dialog closes updates, never adds
		f.initial = f.values()
		if f.OnSaved != nil {
			f.OnSaved(saved)
		}
		if then != nil {
			then()
		}
	})
}
