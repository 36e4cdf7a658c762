package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/kit"
	"backtrack/ui/painchart"
	"backtrack/ui/sessionform"
	"backtrack/ui/xlayout"
)

// viewMode is what the area under the client's header shows.
type viewMode int

const (
	modeNone     viewMode = iota // no client picked
	modeOverview                 // before treatment, chart, history
	modeDetail                   // one whole session note
	modeForm                     // recording or editing a session
)

// ClientView is the right side of the desk, built for the minute before
// treatment: who, what to watch out for, what happened last time, how the
// pain has gone, and every session.
type ClientView struct {
	shell Shell

	Header *clientHeader
	Before *beforeTreatment
	Chart  *painchart.Chart
	// Function is each outcome measure's trend beside pain.
	Function *functionCharts
	// Due lists, where no client is picked, the clients whose
	// re-assessment is due.
	Due     *fyne.Container
	History *sessionHistory
	Detail  *sessionDetail
	Form    *sessionform.SessionForm // nil unless a session is being recorded or edited
	// Contact is the front desk's card of the client picked (front_desk.go).
	Contact       *FrontDesk
	frontDeskHint *kit.SecondaryText
	hint          *kit.SecondaryText // what to do with no client picked

	client   store.Client
	health   store.Health
	sessions []store.Session // newest first
	record   store.ClientRecord
	mode     viewMode

	// MapsButton opens the body maps over time, as a tap on the brief's
	// small map does.
	MapsButton *kit.Button
	// BodyMaps is the maps over time, while open (for tests).
	BodyMaps *bodyMapsDialog
	// The health dialogs and the consent question, while open (for tests).
	IntakeDialog  *intakeDialog
	ConsentDialog *consentDialog
	ScreenDialog  *screenDialog
	ConsentAsk    *consentQuestion
	loads         kit.Latest
	refreshes     kit.Latest // after other desks' changes (desk_watch.go)
	// openNext is a note to open once the client loading now has landed.
	openNext int64

	beforePanel *kit.Panel
	historyBar  *fyne.Container
	body        *fyne.Container // holds the one area the mode shows
	overview    fyne.CanvasObject
	placeholder fyne.CanvasObject
	content     *fyne.Container
}

// clientData is everything the view shows for one client, loaded together.
type clientData struct {
	client   store.Client
	health   store.Health
	sessions []store.Session
	voided   []store.Session // entered in error: in the history on request, in no figure
	trend    []store.TrendPoint
	record   store.ClientRecord // all of it: measures and plan too
}

func clientDataOf(rec store.ClientRecord) clientData {
	return clientData{client: rec.Client, health: rec.Health, sessions: rec.Sessions, voided: rec.Voided, trend: rec.Trend, record: rec}
}

func newClientView(d Shell) *ClientView {
	v := &ClientView{shell: d, Header: newClientHeader(), Before: newBeforeTreatment(),
		History: newSessionHistory(d.Now), Detail: newSessionDetail()}
	v.Chart = painchart.New(v.openSession)

	v.Header.NewSession.OnTapped = v.NewSession
	v.Header.Edit.OnTapped = func() { d.EditClient(v.client) }
	v.Header.Report.OnTapped = func() { d.ShowReport(v.client) }
	v.Header.Intake.OnTapped = v.openIntake
	v.Header.Consent.OnTapped = v.openConsent
	v.Header.ReferDone.OnTapped = v.openReferredScreen
	v.Header.Measure.OnTapped = func() { newMeasureDialog(v, v.record.Measures, d.Now()).show() }
	v.Header.Plan.OnTapped = func() { newPlanDialog(v, v.record.Plan, v.record.Measures, d.Now()).show() }
	v.Header.Archive.OnTapped = v.toggleArchived
	v.History.OnOpen = v.showDetail
	v.Detail.Back.OnTapped = v.showOverview
	v.Detail.Older.OnTapped = func() { v.stepNote(+1) }
	v.Detail.Newer.OnTapped = func() { v.stepNote(-1) }
	v.Detail.Edit.OnTapped = func() { v.EditSession(v.Detail.session) }
	v.Detail.PDF.OnTapped = func() { d.ShowNoteDialog(v.client, v.Detail.session) }
	v.Detail.Delete.OnTapped = func() { v.confirmDelete(v.Detail.session) }
	v.Detail.Sign.OnTapped = func() { v.signNote(v.Detail.session) }
	v.Detail.Void.OnTapped = func() { v.askVoid(v.Detail.session) }

	v.Before.OnMaps = v.openBodyMaps
	v.beforePanel = kit.NewPanel("BEFORE TREATMENT", container.NewHBox(v.Header.Measure, v.Header.Plan), v.Before.view)
	v.Function = newFunctionCharts()
	v.MapsButton = kit.NewButton("Body maps", v.openBodyMaps)
	// the pain chart first: in a short window the function chart gives
	// way to it (at 1024x700 it used to take the height the pain chart
	// needed to draw at all)
	charts := container.New(xlayout.Yield{Floor: 0.75}, v.Chart, container.NewStack(v.Function.row))
	chartPanel := kit.NewPanel("PAIN AND FUNCTION", v.MapsButton, charts)
	newSession := kit.NewButtonWithIcon("New session  (Ctrl+N)", theme.ContentAddIcon(), v.NewSession)
	historyPanel := kit.NewTitledPanel(v.History.Title, newSession, v.History.content)
	// Before treatment gets the height it needs, without a scroll bar, when
	// the window allows: it is what the therapist reads in passing. The
	// history takes the rest, and keeps a few rows on a small screen.
	top := container.New(xlayout.NewColumns(1.25, 1), container.NewVScroll(v.beforePanel), chartPanel)
	v.overview = container.New(&xlayout.Overview{
		Natural:    func() float32 { return max(v.beforePanel.MinSize().Height, chartPanel.MinSize().Height) },
		MinSummary: 200, MinList: 230,
	}, top, historyPanel)

	hint := kit.NewSecondaryText()
	v.hint = hint
	// Centred, it gets only the width it asks for: a truncating line would
	// ask for none and show "…".
	hint.Truncation = fyne.TextTruncateOff
	hint.SetText("Pick a client on the left, or add one with New client (Ctrl+Shift+N).")
	v.Due = container.NewVBox()
	v.frontDeskHint = kit.NewSecondaryText()
	v.frontDeskHint.Truncation = fyne.TextTruncateOff
	v.frontDeskHint.Hide()
	v.placeholder = container.NewCenter(container.NewVBox(hint, v.frontDeskHint, v.Due))
	v.body = container.NewStack(v.placeholder)
	v.content = container.NewStack(v.placeholder)
	return v
}

// Client is the client shown, zero when none is.
func (v *ClientView) Client() store.Client { return v.client }

// Mode is what the view shows under the header.
func (v *ClientView) Mode() viewMode { return v.mode }

// Show loads a client and shows their overview. Loading happens in the
// background; a slower earlier load can never replace a later one.
func (v *ClientView) Show(id int64) {
	v.Form = nil
	v.load(id, modeOverview)
}

// reload refreshes the shown client, keeping the mode unless it was a form.
func (v *ClientView) reload() {
	if v.client.ID != 0 {
		v.load(v.client.ID, modeOverview)
	}
}

func (v *ClientView) load(id int64, then viewMode) {
	// The store is read here, on the UI goroutine: the desk may switch
	// records (sample data, a restore) before the work runs.
	s := v.shell.Record()
	if !s.ReadsNotes() {
		v.showContact(id)
		return
	}
	kit.LoadLatest(v.shell.Tasks(), &v.loads, func(ctx context.Context) (clientData, error) {
		// One snapshot: the header, the summary, the chart and the history
		// always agree, as they do in a printed report.
		rec, err := s.ClientRecord(ctx, id, store.Period{})
		return clientDataOf(rec), err
	}, func(data clientData, err error) {
		if err != nil {
			v.shell.ShowError("Could not open the client", err)
			return
		}
		v.apply(data, then)
	})
}

func (v *ClientView) apply(data clientData, then viewMode) {
	first := v.client.ID == 0
	v.client, v.health, v.sessions, v.record = data.client, data.health, data.sessions, data.record
	now := v.shell.Now()
	v.Header.show(data.client, data.health, now)
	br := briefOf(data.sessions, data.trend, now)
	br.Course, br.Goals = courseOf(data.record, now)
	br.Intake, br.Consent = healthBrief(data.health, now)
	v.Before.show(br)
	if v.Form != nil {
		v.Form.Health = data.health
	}
	v.Chart.SetPoints(data.trend)
	v.Function.show(data.record.Measures)
	v.History.show(data.sessions, data.voided)
	if first {
		v.content.Objects = []fyne.CanvasObject{container.NewBorder(
			container.NewVBox(v.Header.content, widget.NewSeparator()), nil, nil, nil, v.body)}
		v.content.Refresh()
	}
	v.setMode(then)
	if id := v.openNext; id != 0 {
		v.openNext = 0
		v.openSession(id)
	}
	v.shell.UpdateActions()
	v.shell.RefreshDrafts()
}

// ShowNote loads a client and opens one of their notes.
func (v *ClientView) ShowNote(clientID, sessionID int64) {
	v.Form = nil
	v.openNext = sessionID
	v.load(clientID, modeOverview)
}

func (v *ClientView) setMode(m viewMode) {
	if m == modeForm && v.Form == nil {
		m = modeOverview // the form was closed while a reload was on its way
	}
	v.mode = m
	var shown fyne.CanvasObject
	switch m {
	case modeOverview:
		shown = v.overview
	case modeDetail:
		shown = v.Detail.content
	case modeForm:
		shown = v.Form.Content
	default:
		shown = v.placeholder
	}
	v.Header.recording(m == modeForm)
	v.body.Objects = []fyne.CanvasObject{shown}
	v.body.Refresh()
}

func (v *ClientView) showOverview() {
	v.Form = nil
	v.setMode(modeOverview)
	v.shell.UpdateActions()
}

// showDetail opens one session's whole note. Nothing keeps focus (the
// chart that was tapped is gone from view), so Escape goes back and the
// arrows step through the notes.
func (v *ClientView) showDetail(s store.Session) {
	v.Detail.show(s)
	i := v.noteIndex(s.ID)
	enable(v.Detail.Older, i >= 0 && i+1 < len(v.sessions))
	enable(v.Detail.Newer, i > 0)
	v.setMode(modeDetail)
	if c := v.shell.Window().Canvas(); c.Focused() != nil && c.Focused() != v.Detail.Older && c.Focused() != v.Detail.Newer {
		c.Unfocus()
	}
	v.shell.UpdateActions()
}

// noteIndex is where session id sits in the history (newest first), or -1.
func (v *ClientView) noteIndex(id int64) int {
	for i, s := range v.sessions {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// stepNote shows the note dir places down the history: +1 the visit
// before, -1 the one after.
func (v *ClientView) stepNote(dir int) {
	if v.mode != modeDetail {
		return
	}
	if i := v.noteIndex(v.Detail.session.ID) + dir; i >= 0 && i < len(v.sessions) && v.noteIndex(v.Detail.session.ID) >= 0 {
		v.showDetail(v.sessions[i])
	}
}

func enable(b *kit.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// openSession opens the note of a visit tapped on the chart.
func (v *ClientView) openSession(id int64) {
	v.Leave(func() {
		for _, s := range v.sessions {
			if s.ID == id {
				v.Form = nil
				v.showDetail(s)
				return
			}
		}
	})
}

// NewSession opens the form for a new session of the shown client.
func (v *ClientView) NewSession() {
	if v.client.ID == 0 || v.mode == modeForm {
		return
	}
	v.openForm(store.Session{})
}

// EditSession opens the form on an existing session.
func (v *ClientView) EditSession(s store.Session) { v.openForm(s) }

func (v *ClientView) openForm(s store.Session) {
	client := v.client
	v.shell.WithVocabulary(func(vocab map[store.Kind][]store.Term) {
		if v.client.ID != client.ID {
			return // the therapist moved on while the vocabulary loaded
		}
		f := sessionform.NewSessionForm(v.shell.Record(), v.shell.Tasks(), client, vocab, s, v.shell.Now())
		f.Health = v.health
		f.AskConsent = v.askConsent
		f.OnScreen = func(day time.Time) { v.openScreen(store.RedFlagScreen{}, day) }
		f.Signer = func() string { return v.shell.Signer() }
		f.OnCancel = func() { v.Leave(v.closeForm) }
		f.Saving.Retry.Alive = func() bool { return v.Form == f }
		f.OnSaved = func(saved store.Session) {
			v.Form = nil
			v.shell.ReloadList()
			v.load(client.ID, modeOverview)
		}
		v.Form = f
		v.setMode(modeForm)
		f.FocusFirst(v.shell.Window().Canvas())
		v.shell.UpdateActions()
	})
}

// closeForm leaves the form without saving, back to where it came from.
func (v *ClientView) closeForm() {
	editing := v.Form != nil && v.Form.Base.ID != 0
	base := store.Session{}
	if v.Form != nil {
		base = v.Form.Base
	}
	v.Form = nil
	if editing {
		v.showDetail(base)
		return
	}
	v.showOverview()
}

// Leave runs then once it is safe to move away from the view: at once,
// or after the therapist decided what to do with unsaved changes.
func (v *ClientView) Leave(then func()) {
	f := v.Form
	if f == nil || !f.Dirty() {
		then()
		return
	}
	v.shell.ConfirmUnsaved("This session", func(choice unsavedChoice) {
		switch choice {
		case discardChanges:
			v.Form = nil
			then()
		case saveChanges:
			f.SubmitThen(then)
		}
	})
}

// Escape steps back: closes the body maps, or goes from the form (asking
// about unsaved changes) or the note to the overview.
func (v *ClientView) Escape() {
	if v.BodyMaps != nil {
		v.BodyMaps.dialog.Hide()
		return
	}
	switch v.mode {
	case modeForm:
		v.Form.Escape()
	case modeDetail:
		v.showOverview()
	}
}

func (v *ClientView) confirmDelete(s store.Session) {
	id := v.client.ID
	msg := fmt.Sprintf("Discard the draft of %s with %s?\nThe draft goes; the record's history keeps that it was discarded.",
		kit.DateTime(s.Start), v.client.FullName())
	v.shell.Ask("Discard draft", msg, "Discard draft", func() {
		v.change("Could not discard the draft", id, func() viewMode { return modeOverview },
			func(records *sqlstore.Store) error { return records.DeleteSession(context.Background(), s.ID) })
	})
}

func (v *ClientView) toggleArchived() {
	c := v.client
	do := func() {
		v.change("Could not change the client", c.ID, v.Mode, func(records *sqlstore.Store) error {
			if c.Archived {
				return records.UnarchiveClient(context.Background(), c.ID)
			}
			return records.ArchiveClient(context.Background(), c.ID)
		})
	}
	if c.Archived {
		do()
		return
	}
	msg := fmt.Sprintf("Archive %s?\nTheir history is kept. Find them again with “Show archived”.", c.FullName())
	v.shell.Ask("Archive client", msg, "Archive", do)
}

// change runs a change to client id's records in the background, then
// reloads the list and the client in the mode then gives once it lands, or
// says in words why it failed. The store is the one on screen now: if the
// desk switches records before the change lands, nothing more happens.
func (v *ClientView) change(failed string, id int64, then func() viewMode, do func(*sqlstore.Store) error) {
	records := v.shell.Record()
	v.shell.Tasks().Run(func() func() {
		err := do(records)
		return func() {
			if v.shell.Record() != records {
				return // other records are on screen now
			}
			if err != nil {
				v.shell.ShowError(failed, err)
				return
			}
			v.shell.ReloadList()
			v.refreshDue()
			v.load(id, then())
		}
	})
}

// clear forgets the shown client (another database was opened).
func (v *ClientView) clear() {
	v.loads.Begin() // drop any load still in flight
	v.client, v.sessions, v.Form = store.Client{}, nil, nil
	v.mode = modeNone
	v.content.Objects = []fyne.CanvasObject{v.placeholder}
	v.content.Refresh()
	v.Due.Objects = nil // the desk's start lists the new records' own
	v.Due.Refresh()
}
