package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// autoBackupDelay is how long after start-up the day's backup begins: it
// copies the whole file, so it waits until the window is up rather than
// compete with start-up.
const autoBackupDelay = 5 * time.Second

// backupStatus is what the desk says about the day's automatic backup: a
// quiet line under the client list once it is done, and a notice across
// the top, which never blocks work, when it failed.
type backupStatus struct {
	Line    *kit.SecondaryText // "Backed up today 09:12"
	Notice  *widget.Label      // why it failed and what to do
	BackUp  *kit.Button        // File › Back up now…, from the notice
	Dismiss *kit.Button
	banner  fyne.CanvasObject

	timer *time.Timer
}

func newBackupStatus(d *Desk) *backupStatus {
	b := &backupStatus{Line: kit.NewSecondaryText(), Notice: widget.NewLabel("")}
	b.Line.Seg.Style.SizeName = theme.SizeNameCaptionText
	b.Line.Seg.Style.Alignment = fyne.TextAlignCenter
	b.Notice.Wrapping = fyne.TextWrapWord
	b.BackUp = kit.NewButtonWithIcon("Back up now…", theme.DocumentSaveIcon(), d.backUpNow)
	b.Dismiss = kit.NewButtonWithIcon("", theme.CancelIcon(), func() {
		b.banner.Hide()
		d.relayoutChrome()
	})
	b.Dismiss.Importance = widget.LowImportance
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	row := container.NewBorder(nil, nil, container.NewCenter(icon),
		container.NewCenter(container.NewHBox(b.BackUp, b.Dismiss)), b.Notice)
	b.banner = container.NewStack(kit.NewTint(theme.ColorNameWarning), container.NewPadded(row))
	b.banner.Hide()
	return b
}

// showLastBackup fills the status line from the backups folder before
// today's backup has run, so the line is there from the start and nothing
// moves when the result comes in. Reading one small folder is quick.
func (b *backupStatus) showLastBackup(dbPath string, now time.Time) {
	all, err := sqlstore.ListBackups(dbPath)
	switch {
	case err != nil || len(all) == 0:
		b.Line.SetText("No backup yet")
	case store.SameDay(all[0].Taken.Local(), now):
		b.Line.SetText("Backed up today " + all[0].Taken.Local().Format("15:04"))
	default:
		b.Line.SetText("Last backup " + kit.LongDate(all[0].Taken))
	}
}

// serverBackupLine is the status line on a practice server, where the desk
// makes no backup of its own.
const serverBackupLine = "On the practice server: backed up by the server"

// StartAutoBackup makes the day's backup of the therapist's records a few
// seconds from now, unless one was already taken today. Close cancels it
// if it has not begun.
func (d *Desk) StartAutoBackup() {
	if d.store.OnServer() {
		return // the server's own backups keep these records (serverBackupLine)
	}
	d.backup.timer = time.AfterFunc(autoBackupDelay, func() { fyne.Do(d.autoBackup) })
}

// autoBackup backs up the therapist's own records (never the sample
// practice, even while it is on screen) in the background, then reports.
func (d *Desk) autoBackup() {
	s := d.store
	if d.sample != nil {
		s = d.sample.real
	}
	now, ctx := d.now(), d.tasks.Context() // quitting stops it; it removes its partial file
	d.tasks.Run(func() func() {
		made, err := s.AutoBackup(ctx, now)
		if made && err != nil {
			// The backup is saved; only tidying old ones failed. That can
			// wait for tomorrow, and the log keeps why (file names only).
			fyne.LogError("automatic backup: tidying old backups", words.Innermost(err))
			err = nil
		}
		var taken time.Time
		if err == nil {
			if all, lerr := sqlstore.ListBackups(s.Path()); lerr == nil && len(all) > 0 {
				taken = all[0].Taken
			}
		}
		return func() { d.showBackupResult(taken, err) }
	})
}

// showBackupResult puts the outcome on screen. The notice names the
// problem in plain words and never a client: backups are files.
func (d *Desk) showBackupResult(taken time.Time, err error) {
	b := d.backup
	if err != nil {
		b.Line.SetText("Not backed up today")
		b.Notice.SetText("Today's automatic backup failed. " + words.AutoBackupErrorText(err) +
			" Use File › Back up now… to save a copy of your records.")
		b.banner.Show()
		d.relayoutChrome()
		return
	}
	text := "Backed up today"
	if !taken.IsZero() {
		text += " " + taken.Local().Format("15:04")
	}
	b.Line.SetText(text)
	b.banner.Hide()
	d.relayoutChrome()
}

// stopAutoBackup cancels a backup that has not begun (the app is closing).
func (d *Desk) stopAutoBackup() {
	if d.backup.timer != nil {
		d.backup.timer.Stop()
	}
}
