// Package ui is Backtrack's desk: the window a therapist works in. It
// presents what store/ keeps and report/ prints; it holds no SQL.
package ui

import (
	"context"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui/clientview"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// The desk logs an error that has no sentence as Fyne logs its own.
func init() { words.Log = fyne.LogError }

// Options adjust the desk at start.
type Options struct {
	// SelectClient opens this client once the list has loaded (for
	// screenshots of a rich history); 0 opens none.
	SelectClient int64
	// SelectBusiest opens the client with the longest history among those
	// with medical alerts: the richest screen, for the README's screenshot.
	SelectBusiest bool
	// Now is the clock; nil means time.Now. Tests pin it.
	Now func() time.Time
	// Start is the window Prepare readied while the records opened; nil
	// prepares one here.
	Start *Start
	// SampleDir is where sample practices are made, and where those left
	// behind by a killed app are cleaned up at start; "" means the
	// system's temporary folder. Tests point it at their own.
	SampleDir string
}

// Desk is the main window: the client list beside the client view.
type Desk struct {
	app    fyne.App
	store  *sqlstore.Store
	window fyne.Window
	tasks  *kit.Tasks
	now    func() time.Time
	opts   Options

	list       *clientview.ClientList
	view       *clientview.ClientView
	welcome    *welcome
	clientForm *clientview.ClientForm
	// Unsaved is the open "unsaved changes" question, if any.
	Unsaved *unsavedPrompt
	// Confirm is the open yes/no question, if any.
	Confirm *confirmPrompt
	// settings is the last settings dialog opened.
	settings *Settings

	sample  *sampleData // set while the sample practice is open
	banner  *sampleBanner
	backup  *backupStatus
	records *recordKeeping
	bars    *fyne.Container // the banners across the top
	menu    *deskMenu
	main    *fyne.Container // the split, or the welcome
	split   fyne.CanvasObject
	started bool // the first list load has landed

	newClientButton *kit.Button

	watching  bool               // StartWatching was called
	stopWatch context.CancelFunc // ends the watch of the store on screen
}

// NewDesk builds the desk window over an open store.
func NewDesk(a fyne.App, s *sqlstore.Store, opts Options) *Desk {
	d := &Desk{app: a, store: s, tasks: &kit.Tasks{}, now: opts.Now, opts: opts}
	if d.now == nil {
		d.now = time.Now
	}
	if d.opts.SampleDir == "" {
		d.opts.SampleDir = os.TempDir()
	}
	d.tasks.Run(func() func() {
		removeStaleSamples(d.opts.SampleDir, d.now())
		return nil
	})
	if opts.Start == nil {
		opts.Start = Prepare(a)
	}
	d.window = opts.Start.Window()

	d.list = clientview.NewClientList(func() clientview.ListRecord { return d.store }, d.tasks, d.now)
	d.list.OnSelect = d.PickClient
	d.view = clientview.NewClientView(d)
	d.welcome = newWelcome(d)
	d.banner = newSampleBanner(d)
	d.banner.content.Hide()

	d.backup = newBackupStatus(d)
	d.records = newRecordKeeping(d)

	newClient := kit.NewButtonWithIcon("New client", theme.ContentAddIcon(), d.newClient)
	if s.OnServer() {
		d.backup.Line.SetText(serverBackupLine)
	} else {
		d.backup.showLastBackup(s.Path(), d.now())
	}
	d.newClientButton = newClient
	listColumn := container.NewBorder(nil, container.NewVBox(newClient, d.records.Unsigned, d.backup.Line), nil, nil, d.list.Content)
	split := container.NewHSplit(listColumn, d.view.Content)
	split.Offset = 0.24
	d.split = split
	d.main = container.NewStack(split)
	d.bars = container.NewVBox(d.banner.content, d.records.banner, d.backup.banner)
	d.bars.Hide()
	d.window.SetContent(container.NewBorder(d.bars, nil, nil, nil, d.main))
	d.menu = newDeskMenu(d)
	d.window.SetMainMenu(d.menu.main)
	d.menu.addShortcuts(d.window.Canvas())
	d.window.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			d.escape()
		case fyne.KeyF10:
			d.showMenus()
		case fyne.KeyLeft, fyne.KeyPageDown:
			d.view.StepNote(+1)
		case fyne.KeyRight, fyne.KeyPageUp:
			d.view.StepNote(-1)
		}
	})
	d.window.SetCloseIntercept(func() { d.leaveAll(d.closeWindow) })
	d.window.Resize(fyne.NewSize(1280, 800))
	d.updateTitle()
	if !s.ReadsNotes() {
		d.presentFrontDesk()
	}
	d.start()
	return d
}

// relayoutChrome lays the window out again after a banner or the status
// line was shown or hidden: Fyne does not make room for a child that
// appears by itself. With no banner, the bar takes no room at all.
func (d *Desk) relayoutChrome() {
	if d.banner.content.Visible() || d.backup.banner.Visible() || d.records.banner.Visible() {
		d.bars.Show()
	} else {
		d.bars.Hide()
	}
	d.window.Content().Refresh()
}

// Window is the desk's window.
func (d *Desk) Window() fyne.Window { return d.window }

// start loads the list; an empty database gets the welcome instead.
func (d *Desk) start() {
	d.started = false
	s, busiest := d.store, d.opts.SelectBusiest
	d.tasks.Run(func() func() {
		found, err := s.SearchClients(context.Background(), store.ClientQuery{IncludeArchived: true, Limit: 1})
		busiestID := int64(0)
		if busiest && err == nil {
			all, _ := s.SearchClients(context.Background(), store.ClientQuery{})
			busiestID = busiestWithAlerts(all)
		}
		return func() {
			if d.store != s {
				return // other records were opened meanwhile; they start on their own
			}
			if busiestID != 0 {
				d.opts.SelectClient = busiestID
			}
			if err == nil && len(found) == 0 {
				d.showWelcome()
				return
			}
			d.hideWelcome()
			d.list.Reload()
			d.view.RefreshDue()
			if id := d.opts.SelectClient; id != 0 {
				d.opts.SelectClient, d.opts.SelectBusiest = 0, false
				d.list.Show(id)
				d.view.Show(id)
			}
		}
	})
}

// PickClient is the list's request to show a client: allowed once any
// unsaved session has been dealt with.
func (d *Desk) PickClient(id int64) bool {
	if d.view.Form == nil || !d.view.Form.Dirty() {
		d.view.Show(id)
		return true
	}
	d.view.Leave(func() {
		d.list.Show(id)
		d.view.Show(id)
	})
	return false
}

// sign is Ctrl+Shift+S: in the session form, Save and sign; on a draft's
// note, Sign.
func (d *Desk) sign() {
	switch {
	case d.view.Form != nil:
		d.view.Form.SubmitSigned()
	case d.view.Mode() == clientview.ModeDetail && d.view.Detail.Session.Draft():
		d.view.SignNote(d.view.Detail.Session)
	}
}

// escape steps back from the form or the note on screen; a dialog over
// them takes Escape itself (kit.Layer).
func (d *Desk) escape() {
	if !kit.Covered(d.window) {
		d.view.Escape()
	}
}

// leaveAll runs then once no form holds unsaved changes.
func (d *Desk) leaveAll(then func()) {
	if f := d.clientForm; f != nil && f.Dirty() {
		d.ConfirmUnsaved("This client", func(c kit.UnsavedChoice) {
			switch c {
			case kit.DiscardChanges:
				d.closeClientForm()
				d.leaveAll(then)
			case kit.SaveChanges:
				// Only a save that lands goes on; a refused one keeps the
				// form open with its problems shown.
				f.SubmitThen(func() { d.leaveAll(then) })
			}
		})
		return
	}
	d.view.Leave(then)
}

// save saves the form on top (Ctrl+S): the dialog over the window if
// one is open, else the session form.
func (d *Desk) save() {
	if !kit.SaveKey(d.window) && d.view.Form != nil {
		d.view.Form.Submit()
	}
}

// find puts the cursor in the client search (Ctrl+F).
func (d *Desk) find() {
	if d.clientForm != nil {
		return
	}
	d.window.Canvas().Focus(d.list.Search)
	d.list.Search.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the last search
}

// newSession opens a new session for the shown client (Ctrl+N).
func (d *Desk) newSession() {
	if d.clientForm == nil {
		d.view.Leave(d.view.NewSession)
	}
}

// WithVocabulary loads every vocabulary list in the background and hands
// them to fn on the UI goroutine.
func (d *Desk) WithVocabulary(fn func(map[store.Kind][]store.Term)) {
	s := d.store
	d.tasks.Run(func() func() {
		vocab := map[store.Kind][]store.Term{}
		for _, k := range store.Kinds {
			terms, err := s.Terms(context.Background(), k, false)
			if err != nil {
				return func() { d.ShowError("Could not load the lists of pain types, muscles and more", err) }
			}
			vocab[k] = terms
		}
		return func() {
			if d.store == s {
				fn(vocab)
			}
		}
	})
}

// ShowError tells the therapist what failed, in words.
func (d *Desk) ShowError(what string, err error) {
	kit.Inform(d.window, what, words.ErrorText(err))
}

// updateTitle names the practice, and says loudly when the data on screen
// is the sample practice.
func (d *Desk) updateTitle() {
	title := "Backtrack"
	if name := d.app.Preferences().String(settings.KeyPracticeName); name != "" {
		title += " · " + name
	}
	if d.sample != nil {
		title = "Backtrack · SAMPLE DATA (not your records)"
	}
	d.window.SetTitle(title)
}

// UpdateActions enables the menu entries that make sense right now.
func (d *Desk) UpdateActions() {
	if d.menu != nil {
		d.menu.update()
	}
}

// wait blocks until background work has landed (tests).
func (d *Desk) wait() { d.tasks.Wait() }

// busiestWithAlerts is the client with the most sessions, preferring those
// with medical alerts; 0 when there is nobody.
func busiestWithAlerts(clients []store.ClientSummary) int64 {
	var best *store.ClientSummary
	for i := range clients {
		c := &clients[i]
		switch {
		case best == nil:
			best = c
		case c.HasAlerts() != best.HasAlerts():
			if c.HasAlerts() {
				best = c
			}
		case c.SessionCount > best.SessionCount:
			best = c
		}
	}
	if best == nil {
		return 0
	}
	return best.ID
}
