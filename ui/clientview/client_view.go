package clientview

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/insight"
	"backtrack/store/settings"
	"backtrack/ui/kit"
	"backtrack/ui/painchart"
	"backtrack/ui/sessionform"
	"backtrack/ui/xlayout"
)

// viewMode is what the area under the client's header shows.
type viewMode int

const (
	modeNone     viewMode = iota // no client picked
	ModeOverview                 // before treatment, chart, history
	ModeDetail                   // one whole session note
	ModeForm                     // recording or editing a session
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
	Due     *DueList
	History *sessionHistory
	Detail  *sessionDetail
	Form    *sessionform.SessionForm // nil unless a session is being recorded or edited
	// Contact is the front desk's card of the client picked (front_desk.go).
	Contact       *FrontDesk
	FrontDeskHint *kit.SecondaryText
	Hint          *kit.SecondaryText // what to do with no client picked

	client   store.Client
	health   store.Health
	Sessions []store.Session // newest first
	Record   store.ClientRecord
	mode     viewMode

	// MapsButton opens the body maps over time, as a tap on the brief's
	// small map does.
	MapsButton *kit.Button
	// CopyButton writes the client's copy of their whole record (privacy
	// law's right of access).
	CopyButton *kit.Button

	// Insights is the brief's line of what has helped, InsightsButton
	// opens them in full (insights_line.go), InsightsView while open.
	Insights       *InsightsLine
	InsightsButton *kit.Button
	InsightsView   *insightsDialog
	insights       insight.ClientInsights
	// BodyMaps is the maps over time, while open (for tests).
	BodyMaps *bodyMapsDialog
	// The health dialogs and the consent question, while open (for tests).
	IntakeDialog  *intakeDialog
	ConsentDialog *consentDialog
	ScreenDialog  *screenDialog
	PlanDialog    *planDialog // the last opened
	ConsentAsk    *sessionform.ConsentGate
	FlagAsk       *sessionform.FlagQuestion
	VoidAsk       *VoidQuestion
	// The client's own screen and its dialogs, while open (hand_to_client.go).
	handOver
	loads     kit.Latest
	refreshes kit.Latest // after other desks' changes (desk_watch.go)
	// openNext is a note to open once the client loading now has landed.
	openNext int64

	// Page is the overview's scroll: the brief and the charts at its top,
	// the history below. Each client opens at its top.
	Page        *container.Scroll
	beforePanel *kit.Panel
	historyBar  *fyne.Container
	body        *fyne.Container // holds the one area the mode shows
	overview    fyne.CanvasObject
	placeholder fyne.CanvasObject
	Content     *fyne.Container
}

// ClientData is everything the view shows for one client, loaded together.
type ClientData struct {
	Client   store.Client
	health   store.Health
	Sessions []store.Session
	voided   []store.Session // entered in error: in the history on request, in no figure
	Trend    []store.TrendPoint
	record   store.ClientRecord // all of it: measures and plan too
	insights insight.ClientInsights
}

func clientDataOf(rec store.ClientRecord) ClientData {
	return ClientData{Client: rec.Client, health: rec.Health, Sessions: rec.Sessions, voided: rec.Voided, Trend: rec.Trend, record: rec,
		insights: insight.OfRecord(rec)}
}

func NewClientView(d Shell) *ClientView {
	v := &ClientView{shell: d, Header: newClientHeader(), Before: newBeforeTreatment(),
		History: newSessionHistory(d.Now), Detail: newSessionDetail()}
	v.Chart = painchart.New(v.OpenSession)

	v.Header.NewSession.OnTapped = v.NewSession
	v.Header.Edit.OnTapped = func() { d.EditClient(v.client) }
	v.Header.Report.OnTapped = func() { d.ShowReport(v.client) }
	v.Header.Intake.OnTapped = v.openIntake
	v.Header.Consent.OnTapped = v.openConsent
	v.Header.ReferDone.OnTapped = v.openReferredScreen
	v.Header.Measure.OnTapped = func() { NewMeasureDialog(v, v.Record.Measures, d.Now()).Show() }
	v.Header.Plan.OnTapped = func() {
		v.PlanDialog = newPlanDialog(v, v.Record.Plan, v.Record.Measures, d.Now())
		v.PlanDialog.show()
	}
	v.Header.Archive.OnTapped = v.ToggleArchived
	v.History.OnOpen = v.ShowDetail
	v.Detail.Back.OnTapped = v.showOverview
	v.Detail.Older.OnTapped = func() { v.StepNote(+1) }
	v.Detail.Newer.OnTapped = func() { v.StepNote(-1) }
	v.Detail.Edit.OnTapped = func() { v.EditSession(v.Detail.Session) }
	v.Detail.PDF.OnTapped = func() { d.ShowNoteDialog(v.client, v.Detail.Session) }
	v.Detail.Delete.OnTapped = func() { v.confirmDelete(v.Detail.Session) }
	v.Detail.Sign.OnTapped = func() { v.SignNote(v.Detail.Session) }
	v.Detail.Void.OnTapped = func() { v.askVoid(v.Detail.Session) }

	v.Before.OnMaps = v.openBodyMaps
	v.Insights = newInsightsLine(v.openInsights)
	v.beforePanel = kit.NewPanel("BEFORE TREATMENT", container.NewHBox(v.Header.Measure, v.Header.Plan),
		container.NewBorder(nil, v.Insights.Content, nil, nil, v.Before.view))
	v.Function = newFunctionCharts()
	v.MapsButton = kit.NewButton("Body maps", v.openBodyMaps)
	// the pain chart first: in a short window the function chart gives
	// way to it, or at 1024x700 it takes the height the pain chart needs
	// to draw at all
	charts := container.New(xlayout.Yield{Floor: 0.75}, v.Chart, container.NewStack(v.Function.Row))
	v.InsightsButton = kit.NewButton("Insights", v.openInsights)
	chartPanel := kit.NewPanel("PAIN AND FUNCTION", container.NewHBox(v.InsightsButton, v.MapsButton), charts)
	newSession := kit.NewButtonWithIcon("New session  (Ctrl+N)", theme.ContentAddIcon(), v.NewSession)
	// The client's copy of their record sits with the record's history:
	// the header's row of buttons has no room left at 1024 pixels.
	v.CopyButton = kit.NewButton("Client's copy…", func() { d.GiveClientCopy(v.client) })
	historyPanel := kit.NewTitledPanel(v.History.Title, container.NewHBox(v.CopyButton, newSession), v.History.content)
	// Before treatment always gets the height it needs: it is what the
	// therapist reads in passing, so it is never cut nor scrolled on its
	// own. The charts beside it share its height; the history takes the
	// rest of the window, and on a short one the page scrolls down to it.
	// The charts end a little above the page's foot, so the function
	// chart's dates never sit on the window's edge.
	charts = container.New(xlayout.InView{Height: func() float32 { return v.Page.Size().Height - 2*theme.Padding() }}, chartPanel)
	top := container.New(xlayout.NewColumns(1.6, 1), v.beforePanel, charts)
	v.Page = container.NewVScroll(container.New(&xlayout.Overview{
		Natural: func() float32 { return max(v.beforePanel.MinSize().Height, chartPanel.MinSize().Height) },
		MinList: 230,
	}, top, historyPanel))
	v.overview = v.Page
	// the notes reached by Tab come into view, the list under its title,
	// on a short window where the page holds them below the brief
	v.History.List.OnFocus = func() { kit.ScrollToTop(v.Page, historyPanel) }

	hint := kit.NewSecondaryText()
	v.Hint = hint
	// Centred, it gets only the width it asks for: a truncating line would
	// ask for none and show "…".
	hint.Truncation = fyne.TextTruncateOff
	hint.SetText("Pick a client on the left, or add one with New client (Ctrl+Shift+N).")
	v.Due = newDueList(func(id int64) {
		if v.shell.PickClient(id) {
			v.shell.ShowInList(id)
			v.Show(id)
		}
	})
	v.FrontDeskHint = kit.NewSecondaryText()
	v.FrontDeskHint.Truncation = fyne.TextTruncateOff
	v.FrontDeskHint.Hide()
	v.placeholder = container.NewBorder(container.NewCenter(container.NewVBox(hint, v.FrontDeskHint)), nil, nil, nil, v.Due.Content)
	v.body = container.NewStack(v.placeholder)
	v.Content = container.NewStack(v.placeholder)
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
	v.Load(id, ModeOverview)
}

// Reload refreshes the shown client, keeping the mode unless it was a form.
func (v *ClientView) Reload() {
	if v.client.ID != 0 {
		v.Load(v.client.ID, ModeOverview)
	}
}

func (v *ClientView) Load(id int64, then viewMode) {
	// The store is read here, on the UI goroutine: the desk may switch
	// records (sample data, a restore) before the work runs.
	s := v.shell.Record()
	if !s.ReadsNotes() {
		v.showContact(id)
		return
	}
	kit.LoadLatest(v.shell.Tasks(), &v.loads, func(ctx context.Context) (ClientData, error) {
		// One snapshot: the header, the summary, the chart and the history
		// always agree, as they do in a printed report.
		rec, err := s.ClientRecord(ctx, id, store.Period{})
		return clientDataOf(rec), err
	}, func(data ClientData, err error) {
		if err != nil {
			v.shell.ShowError("Could not open the client", err)
			return
		}
		v.Apply(data, then)
	})
}

func (v *ClientView) Apply(data ClientData, then viewMode) {
	first := v.client.ID == 0
	another := v.client.ID != data.Client.ID
	v.client, v.health, v.Sessions, v.Record = data.Client, data.health, data.Sessions, data.record
	now := v.shell.Now()
	v.Header.show(data.Client, data.health, now)
	br := briefOf(data.Sessions, data.Trend, now)
	br.Course, br.Goals = courseOf(data.record, now)
	br.Intake, br.Consent = healthBrief(data.health, now)
	v.Before.show(br)
	v.insights = data.insights
	v.Insights.show(data.insights)
	if v.Form != nil {
		v.Form.SetHealth(data.health)
	}
	v.Chart.SetPoints(data.Trend)
	v.Function.show(data.record.Measures)
	v.History.show(data.Sessions, data.voided)
	if another {
		// A client opens at the top of their page: the alerts and the
		// brief, never where the last client's page was left.
		v.Page.ScrollToTop()
		v.History.List.ScrollToTop()
	}
	if first {
		v.Content.Objects = []fyne.CanvasObject{container.NewBorder(
			container.NewVBox(v.Header.Content, widget.NewSeparator()), nil, nil, nil, v.body)}
		v.Content.Refresh()
	}
	v.setMode(then)
	if id := v.openNext; id != 0 {
		v.openNext = 0
		v.OpenSession(id)
	}
	v.shell.UpdateActions()
	v.shell.RefreshDrafts()
}

// ShowNote loads a client and opens one of their notes.
func (v *ClientView) ShowNote(clientID, sessionID int64) {
	v.Form = nil
	v.openNext = sessionID
	v.Load(clientID, ModeOverview)
}

func (v *ClientView) setMode(m viewMode) {
	if m == ModeForm && v.Form == nil {
		m = ModeOverview // the form was closed while a reload was on its way
	}
	v.mode = m
	var shown fyne.CanvasObject
	switch m {
	case ModeOverview:
		shown = v.overview
	case ModeDetail:
		shown = v.Detail.Content
	case ModeForm:
		shown = v.Form.Content
	default:
		shown = v.placeholder
	}
	v.Header.recording(m == ModeForm)
	v.body.Objects = []fyne.CanvasObject{shown}
	v.body.Refresh()
}

func (v *ClientView) showOverview() {
	v.Form = nil
	v.setMode(ModeOverview)
	v.shell.UpdateActions()
}

// ShowDetail opens one session's whole note. Nothing keeps focus (the
// chart that was tapped is gone from view), so Escape goes back and the
// arrows step through the notes.
func (v *ClientView) ShowDetail(s store.Session) {
	v.Detail.show(s)
	i := v.NoteIndex(s.ID)
	enable(v.Detail.Older, i >= 0 && i+1 < len(v.Sessions))
	enable(v.Detail.Newer, i > 0)
	v.setMode(ModeDetail)
	if c := v.shell.Window().Canvas(); c.Focused() != nil && c.Focused() != v.Detail.Older && c.Focused() != v.Detail.Newer {
		c.Unfocus()
	}
	v.shell.UpdateActions()
}

// NoteIndex is where session id sits in the history (newest first), or -1.
func (v *ClientView) NoteIndex(id int64) int {
	for i, s := range v.Sessions {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// StepNote shows the note dir places down the history: +1 the visit
// before, -1 the one after.
func (v *ClientView) StepNote(dir int) {
	if v.mode != ModeDetail {
		return
	}
	if i := v.NoteIndex(v.Detail.Session.ID) + dir; i >= 0 && i < len(v.Sessions) && v.NoteIndex(v.Detail.Session.ID) >= 0 {
		v.ShowDetail(v.Sessions[i])
	}
}

func enable(b *kit.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// OpenSession opens the note of a visit tapped on the chart.
func (v *ClientView) OpenSession(id int64) {
	v.Leave(func() {
		for _, s := range v.Sessions {
			if s.ID == id {
				v.Form = nil
				v.ShowDetail(s)
				return
			}
		}
	})
}

// NewSession opens the form for a new session of the shown client.
func (v *ClientView) NewSession() {
	if v.client.ID == 0 || v.mode == ModeForm {
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
		f.SetHealth(v.health)
		f.Regulator = store.ParseRegulator(v.shell.Preferences().String(settings.KeyRegulator))
		f.AskGate = func(q store.ConsentQuestion, answer func(store.ConsentChoice, string)) {
			v.ConsentAsk = sessionform.AskConsentGate(v.shell.Window(), q, func(c store.ConsentChoice, reason string) {
				v.ConsentAsk = nil
				answer(c, reason)
			})
		}
		f.OnWrittenConsent = func() { v.consentDialog(true) }
		f.AskFlags = func(open []store.RedFlagScreen, answer func(bool)) {
			v.FlagAsk = sessionform.AskFlags(v.shell.Window(), open, func(save bool) {
				v.FlagAsk = nil
				answer(save)
			})
		}
		f.OnScreen = func(day time.Time) { v.openScreen(store.RedFlagScreen{}, day) }
		f.Signer = func() string { return v.shell.Signer() }
		f.OnCancel = func() { v.Leave(v.closeForm) }
		f.Saving.Retry.Alive = func() bool { return v.Form == f }
		f.OnSaved = func(saved store.Session) {
			v.Form = nil
			v.shell.ReloadList()
			v.Load(client.ID, ModeOverview)
		}
		v.Form = f
		v.setMode(ModeForm)
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
		v.ShowDetail(base)
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
	v.shell.ConfirmUnsaved("This session", func(choice kit.UnsavedChoice) {
		switch choice {
		case kit.DiscardChanges:
			v.Form = nil
			then()
		case kit.SaveChanges:
			f.SubmitThen(then)
		}
	})
}

// Escape steps back from the form (asking about unsaved changes) or the
// note to the overview.
func (v *ClientView) Escape() {
	switch v.mode {
	case ModeForm:
		v.Form.Escape()
	case ModeDetail:
		v.showOverview()
	}
}

func (v *ClientView) confirmDelete(s store.Session) {
	id := v.client.ID
	msg := fmt.Sprintf("Discard the draft of %s with %s?\nThe draft goes; the record's history keeps that it was discarded.",
		kit.DateTime(s.Start), v.client.FullName())
	v.shell.Ask("Discard draft", msg, "Discard draft", func() {
		v.change("Could not discard the draft", id, func() viewMode { return ModeOverview },
			func(records Record) error { return records.DeleteSession(context.Background(), s.ID) })
	})
}

func (v *ClientView) ToggleArchived() {
	c := v.client
	do := func() {
		v.change("Could not change the client", c.ID, v.Mode, func(records Record) error {
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
func (v *ClientView) change(failed string, id int64, then func() viewMode, do func(Record) error) {
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
			v.RefreshDue()
			v.Load(id, then())
		}
	})
}

// Clear forgets the shown client (another database was opened).
func (v *ClientView) Clear() {
	v.loads.Begin() // drop any load still in flight
	v.client, v.Sessions, v.Form = store.Client{}, nil, nil
	v.mode = modeNone
	v.Content.Objects = []fyne.CanvasObject{v.placeholder}
	v.Content.Refresh()
	v.Due.Set(nil) // the desk's start lists the new records' own
}
