package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/kit"
	"backtrack/ui/practiceinsights"
	"backtrack/ui/recordkeeping"
	"backtrack/ui/sessionform"
)

// deskMenu is the window's menu bar. Its shortcuts work wherever the focus
// is: the desktop driver tries menu shortcuts before the focused field.
type deskMenu struct {
	d    *Desk
	main *fyne.MainMenu

	newClient, editClient, archive, report, allReports *fyne.MenuItem
	handOver                                           *fyne.MenuItem
	clientHistory, recordHistory, signDrafts, sign     *fyne.MenuItem
	newSession, save, find, back                       *fyne.MenuItem
	dayEarlier, dayLater                               *fyne.MenuItem
	bodyChart, copyMap, copyLast                       *fyne.MenuItem
	settings                                           *fyne.MenuItem
	practiceInsights                                   *fyne.MenuItem
	menus                                              *fyne.MenuItem
	goTo                                               []*fyne.MenuItem // the session form's parts
}

// The desk's keyboard shortcuts.
var (
	shortcutNewSession = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNewClient  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutSave       = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSign       = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutFind       = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutReport     = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSettings   = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDayEarlier = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	shortcutDayLater   = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	shortcutBodyChart  = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutCopyMap    = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// L for last: the visit a week later starts from the one before.
	shortcutCopyLast = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// The records' safety and the client's screen, each by its initial:
	// back Up (B is the body chart), Restore with Shift (it replaces the
	// records, so never one key from another), Export, Import, Hand.
	shortcutBackUp       = &desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutRestore      = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutExport       = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport       = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutHandToClient = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}
	// Alt+F opens the menus as a list the keys reach (F10 too, where the
	// focus lets it through): Fyne's menu bar opens only with the mouse
	// or Alt alone.
	shortcutMenus = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierAlt}
)

func newDeskMenu(d *Desk) *deskMenu {
	m := &deskMenu{d: d}
	item := d.menuItem
	m.newClient = item("New client…", shortcutNewClient, d.newClient)
	m.find = item("Find client", shortcutFind, d.find)
	m.editClient = item("Edit client…", nil, func() { d.EditClient(d.view.Client()) })
	m.archive = item("Archive client", nil, d.view.ToggleArchived)
	m.report = item("Progress report…", shortcutReport, func() { d.ShowReport(d.view.Client()) })
	m.allReports = item("Reports for all clients…", nil, d.showBatchReports)
	// Its key runs it even while the entry is greyed out (a form open).
	m.handOver = item("Hand to client…", shortcutHandToClient, func() {
		if !m.handOver.Disabled {
			d.view.HandToClient()
		}
	})
	m.newSession = item("New session", shortcutNewSession, d.newSession)
	m.save = fyne.NewMenuItem("Save", d.save)
	m.save.Shortcut = shortcutSave
	m.back = item("Back to overview", nil, d.escape)
	// The desktop driver runs a menu shortcut even when its entry is
	// greyed out, so the action checks for the form itself.
	stepDay := func(days int) func() {
		return func() {
			if d.view.Form != nil && d.clientForm == nil {
				d.view.Form.StepDay(days)
			}
		}
	}
	m.dayEarlier = item("Date: a day earlier", shortcutDayEarlier, stepDay(-1))
	m.dayLater = item("Date: a day later", shortcutDayLater, stepDay(1))
	inForm := func(action func(*sessionform.SessionForm)) func() {
		return func() {
			if d.view.Form != nil && d.clientForm == nil {
				action(d.view.Form)
			}
		}
	}
	m.copyLast = item("Copy from last session", shortcutCopyLast, inForm((*sessionform.SessionForm).CopyLast))
	m.bodyChart = item("Body chart…", shortcutBodyChart, inForm((*sessionform.SessionForm).OpenChart))
	m.copyMap = item("Body chart: copy from last session", shortcutCopyMap, inForm((*sessionform.SessionForm).CopyMap))
	for _, sec := range sessionform.Sections {
		m.goTo = append(m.goTo, item("Go to "+strings.ToLower(sec.Name), sec.Key,
			inForm(func(f *sessionform.SessionForm) { f.GoTo(sec) })))
	}
	m.settings = item("Settings…", shortcutSettings, d.showSettings)
	m.clientHistory = item("Record history…", nil, func() {
		recordkeeping.NewRecordHistory(d.window, recordkeeping.RecordOf(d.store), d.tasks, d.view.Client()).Show()
	})
	m.recordHistory = item("Record history of the practice…", nil, func() {
		recordkeeping.NewRecordHistory(d.window, recordkeeping.RecordOf(d.store), d.tasks, store.Client{}).Show()
	})
	m.practiceInsights = item("Practice insights…", nil, func() { practiceinsights.Show(d.window, d.store, d.tasks) })
	m.signDrafts = item("Sign unsigned notes…", nil, d.signDrafts)
	m.sign = item("Sign note", shortcutSign, d.sign)
	m.menus = item("Menus by keys…", shortcutMenus, d.showMenus)

	// Our own Quit, so quitting asks about unsaved changes and removes the
	// sample practice like closing the window does.
	quit := fyne.NewMenuItem("Quit", func() { d.leaveAll(d.closeWindow) })
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	file := fyne.NewMenu("File", m.settings, fyne.NewMenuItemSeparator())
	file.Items = append(file.Items, d.dataMenuItems()...)
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), m.recordHistory, m.practiceInsights)
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), quit)
	session := fyne.NewMenu("Session", m.newSession, m.save, m.back, fyne.NewMenuItemSeparator(), m.dayEarlier, m.dayLater,
		m.copyLast, m.bodyChart, m.copyMap,
		fyne.NewMenuItemSeparator(), m.sign, m.signDrafts, fyne.NewMenuItemSeparator())
	session.Items = append(session.Items, m.goTo...)
	m.main = fyne.NewMainMenu(
		file,
		fyne.NewMenu("Client", m.newClient, m.find, fyne.NewMenuItemSeparator(), m.editClient, m.archive,
			fyne.NewMenuItemSeparator(), m.clientHistory, m.report, m.allReports, fyne.NewMenuItemSeparator(), m.handOver),
		session,
		fyne.NewMenu("Help", fyne.NewMenuItem("Keyboard shortcuts", d.showKeyboardHelp), m.menus),
	)
	m.update()
	return m
}

// menuItem is a menu entry with its key. A dialog over the window takes
// the keys (kit.Layer): the menu's actions then reach nothing beneath it,
// Save saving the dialog.
func (d *Desk) menuItem(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, func() {
		if !kit.Covered(d.window) {
			action()
		}
	})
	it.Shortcut = sc
	return it
}

// addShortcuts registers the menu's shortcuts on the canvas too, for when
// the focus is on nothing that takes keys (and for the test driver, which
// has no menu bar).
func (m *deskMenu) addShortcuts(c fyne.Canvas) {
	for _, menu := range m.main.Items {
		for _, it := range menu.Items {
			if it.Shortcut == nil || it.Action == nil {
				continue
			}
			action := it.Action
			c.AddShortcut(it.Shortcut, func(fyne.Shortcut) { action() })
		}
	}
}

// update greys out what makes no sense now: no client, no form.
func (m *deskMenu) update() {
	d := m.d
	hasClient := d.view.Client().ID != 0
	formOpen := d.view.Form != nil || d.clientForm != nil
	for _, it := range []*fyne.MenuItem{m.editClient, m.archive, m.report, m.clientHistory} {
		it.Disabled = !hasClient
	}
	m.newSession.Disabled = !hasClient
	// the client's screen writes the client's forms: not with a form open,
	// not for the front desk
	m.handOver.Disabled = !hasClient || formOpen || !d.store.ReadsNotes()
	m.newClient.Disabled = !d.store.ReadsNotes()        // the front desk's grants give it no writes
	m.practiceInsights.Disabled = !d.store.ReadsNotes() // counted from the notes' pain scores
	m.save.Disabled = !formOpen
	m.dayEarlier.Disabled, m.dayLater.Disabled = d.view.Form == nil, d.view.Form == nil
	m.bodyChart.Disabled, m.copyMap.Disabled, m.copyLast.Disabled = d.view.Form == nil, d.view.Form == nil, d.view.Form == nil
	for _, it := range m.goTo {
		it.Disabled = d.view.Form == nil
	}
	m.back.Disabled = d.view.Mode() != clientview.ModeDetail && d.view.Mode() != clientview.ModeForm
	if d.view.Client().Archived {
		m.archive.Label = "Restore client"
	} else {
		m.archive.Label = "Archive client"
	}
	m.main.Refresh()
}
