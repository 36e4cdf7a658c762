package reportdialog

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/settings"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// batchReportDialog writes a progress report for every active client with a
// visit in the chosen period into one folder, with a progress bar and a
// Cancel button. Cancelling (or quitting) stops after the report being
// written; every file left in the folder is complete. The dialog shows the
// choices first, then progress, then what was done.
type batchReportDialog struct {
	win      fyne.Window
	store    Record
	practice store.Practice
	prefs    fyne.Preferences
	now      func() time.Time
	openURL  func(*url.URL) error

	Period  *kit.PeriodChooser
	Paper   *widget.RadioGroup
	Folder  *kit.FolderRow
	Problem *widget.Label
	Start   *kit.Button
	Cancel  *kit.Button // closes before the start, stops while running
	Bar     *widget.ProgressBar
	Status  *widget.Label
	Open    *kit.Button // opens the folder when done

	dialog  *dialog.CustomDialog
	choices fyne.CanvasObject
	running fyne.CanvasObject
	stop    context.CancelFunc
	outDir  string
	work    *kit.Tasks // the desk's: quitting stops the batch and waits for it
	// Progressed runs on the UI goroutine after each client (tests).
	Progressed func(done int)
}

func NewBatchReportDialog(win fyne.Window, s Record, t *kit.Tasks, practice store.Practice) *batchReportDialog {
	a := fyne.CurrentApp()
	b := &batchReportDialog{win: win, store: s, work: t, practice: practice, prefs: a.Preferences(),
		now: time.Now, openURL: a.OpenURL}
	today := b.now()
	b.Period = kit.NewPeriodChooser(today, nil)
	b.Paper = kit.NewPaperChoice(b.prefs)
	b.Folder = kit.NewFolderRow(win, filepath.Join(kit.DefaultReportFolder(b.prefs),
		"Progress reports "+today.Format(store.DateLayout)), nil)
	b.Problem = widget.NewLabel("")
	b.Problem.Importance = widget.DangerImportance
	b.Problem.Wrapping = fyne.TextWrapWord
	b.Problem.Hide()
	note := widget.NewLabel("One PDF per active client with a visit in the period. The folder is created if " +
		"needed; a report of the same name already in it is replaced.")
	note.Wrapping = fyne.TextWrapWord

	form := container.New(layout.NewFormLayout())
	for _, row := range [][2]fyne.CanvasObject{
		Pair(kit.FormRow("Period", b.Period.Box)),
		Pair(kit.FormRow("Paper", b.Paper)),
		Pair(kit.FormRow("Save in", b.Folder.Box)),
		Pair(layout.NewSpacer(), note),
	} {
		form.Add(row[0])
		form.Add(row[1])
	}
	b.choices = container.NewVBox(form, b.Problem)

	b.Bar = widget.NewProgressBar()
	b.Status = widget.NewLabel("")
	b.Status.Wrapping = fyne.TextWrapWord
	b.running = container.NewVBox(b.Bar, b.Status)
	b.running.Hide()

	b.Start = kit.NewButtonWithIcon("Export", theme.DocumentSaveIcon(), b.start)
	b.Start.Importance = widget.HighImportance
	b.Cancel = kit.NewButton("Cancel", b.cancel)
	b.Open = kit.NewButtonWithIcon("Open folder", theme.FolderOpenIcon(), b.openFolder)
	b.Open.Importance = widget.HighImportance
	b.Open.Hide()

	b.dialog = dialog.NewCustomWithoutButtons("Progress reports for all active clients",
		container.NewVBox(b.choices, b.running), win)
	b.dialog.SetButtons([]fyne.CanvasObject{b.Cancel, b.Start, b.Open})
	return b
}

func (b *batchReportDialog) Show() {
	b.dialog.Resize(fyne.NewSize(min(660, b.win.Canvas().Size().Width-40), 0))
	kit.ShowLayer(b.win, "reports for all clients", b.dialog, kit.Layer{Save: b.startKey, Close: b.cancel})
}

// startKey is Ctrl+S and Enter: the reports start, once, when they may.
func (b *batchReportDialog) startKey() {
	if b.Start.Visible() && !b.Start.Disabled() {
		b.start()
	}
}

// cancel closes the dialog before the start and after the end, and stops
// the reports while they are written.
func (b *batchReportDialog) cancel() {
	if b.stop != nil {
		b.stop()
		b.Cancel.Disable()
		b.Status.SetText("Stopping after the report being written…")
		return
	}
	b.dialog.Hide()
}

func (b *batchReportDialog) start() {
	b.Problem.Hide()
	period, err := b.Period.Period(b.now())
	if err != nil {
		b.Problem.SetText(err.Error())
		b.Problem.Show()
		return
	}
	dir := b.Folder.Path
	opts := report.Options{Practice: b.practice, PageSize: settings.PageSize(b.Paper.Selected), Date: b.now()}
	b.prefs.SetString(settings.KeyPageSize, b.Paper.Selected)
	b.prefs.SetString(kit.PrefReportFolder, filepath.Dir(dir))

	ctx, stop := context.WithCancel(b.work.Context())
	b.stop = stop
	b.choices.Hide()
	b.running.Show()
	b.Start.Hide()
	b.Bar.SetValue(0)
	b.Status.SetText("Finding active clients…")
	b.work.Run(func() func() {
		res, err := report.ExportAll(ctx, b.store, dir, period, opts, func(done, total int, c store.Client) {
			name := c.FullName()
			fyne.Do(func() { b.work.OnUI(func() { b.step(done, total, name) }) })
		})
		return func() { b.finish(dir, res, err) }
	})
}

// step moves the bar after each client.
func (b *batchReportDialog) step(done, total int, name string) {
	b.Bar.Max = float64(total)
	b.Bar.SetValue(float64(done))
	if b.stop != nil && b.Cancel.Disabled() {
		return // keep saying it is stopping
	}
	b.Status.SetText(fmt.Sprintf("%d of %d · %s", done, total, name))
	if b.Progressed != nil {
		b.Progressed(done)
	}
}

// finish says what was written, skipped, failed or left when stopped.
func (b *batchReportDialog) finish(dir string, res report.BatchResult, err error) {
	b.stop = nil
	b.Cancel.Enable()
	b.Cancel.SetText("Close")
	var lines []string
	switch {
	case errors.Is(err, context.Canceled):
		lines = append(lines, fmt.Sprintf("Stopped. %s written to %s; each one is complete.",
			words.Plural(len(res.Written), "report was", "reports were"), dir))
	case err != nil:
		lines = append(lines, words.ReportErrorText(err))
	default:
		lines = append(lines, fmt.Sprintf("%s written to %s.", words.Plural(len(res.Written), "report", "reports"), dir))
	}
	if n := len(res.Skipped); n > 0 {
		lines = append(lines, words.Plural(n, "client has", "clients have")+" no visit in the period and got no report.")
	}
	for _, f := range res.Failed {
		lines = append(lines, "Not written: "+kit.NameWithDetail(f.Client)+" — "+words.ReportErrorText(f.Err))
	}
	b.Status.SetText(strings.Join(lines, "\n"))
	if len(res.Written) > 0 {
		b.Open.Show()
		b.outDir = dir
	}
}

func (b *batchReportDialog) openFolder() {
	b.dialog.Hide()
	if err := b.openURL(kit.FileURL(b.outDir)); err != nil {
		kit.Inform(b.win, "Could not open the folder", "Open "+b.outDir+" from your file manager.")
	}
}
