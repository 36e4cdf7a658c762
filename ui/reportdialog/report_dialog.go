package reportdialog

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime/debug"
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

// ReportDialog is the dialog for one client's report: it asks for the
// period, paper and place, writes the report off the UI goroutine, then
// offers to open it. It keeps its widgets so tests can use them as a
// therapist would.
type ReportDialog struct {
	win      fyne.Window
	store    Record
	client   store.Client
	practice store.Practice
	prefs    fyne.Preferences
	Now      func() time.Time
	openURL  func(*url.URL) error

	// Document is what to print: the progress report, its edition for a
	// physician or an insurer, or the intake summary.
	Document *widget.RadioGroup
	Period   *kit.PeriodChooser
	Edition  *widget.RadioGroup // who the report is for
	// Insights adds "What has helped" to the physician's edition
	// (report_insights.go).
	Insights *widget.Check
	Paper    *widget.RadioGroup
	Folder   *kit.FolderRow
	FileName *kit.Entry
	Visits   *widget.Label // how many visits the chosen period holds
	// NoPractice warns that Settings are empty: the header would be blank
	// and the signature would read "Therapist".
	NoPractice *widget.Label
	Problem    *widget.Label
	Busy       *widget.ProgressBarInfinite
	Save       *kit.Button
	Cancel     *kit.Button
	// Open and Close are on the "saved" dialog shown afterwards.
	Open, Close *kit.Button
	// Confirm asks before replacing a file; nil when not asking.
	Confirm *kit.Layer

	dialog, saved *dialog.CustomDialog
	Work          *kit.Tasks // the desk's: closing waits for a report being written
	counts        kit.Latest // the newest count of visits in the period
	boxesAccepted bool       // the therapist was told what prints as boxes
	// visitsIn counts the client's visits in a period, from the database:
	// the trend the report will draw, so the count says what it will hold.
	visitsIn func(ctx context.Context, period store.Period) (int, error)
	// note is the one visit a visit note prints; nil for a progress report.
	note *store.Session
}

// NewNoteDialog is the report dialog for one visit's note: paper, place
// and name, no period.
func NewNoteDialog(win fyne.Window, s Record, t *kit.Tasks, client store.Client, session store.Session,
	practice store.Practice) *ReportDialog {
	return buildReportDialog(win, s, t, client, practice, &session)
}

func NewReportDialog(win fyne.Window, s Record, t *kit.Tasks, client store.Client, practice store.Practice) *ReportDialog {
	return buildReportDialog(win, s, t, client, practice, nil)
}

func buildReportDialog(win fyne.Window, s Record, t *kit.Tasks, client store.Client, practice store.Practice,
	note *store.Session) *ReportDialog {
	a := fyne.CurrentApp()
	e := &ReportDialog{win: win, store: s, Work: t, client: client, practice: practice,
		prefs: a.Preferences(), Now: time.Now, openURL: a.OpenURL, note: note}
	e.visitsIn = func(ctx context.Context, period store.Period) (int, error) {
		trend, err := s.PainTrend(ctx, client.ID, period)
		return len(trend), err
	}
	today := e.Now()
	e.Period = kit.NewPeriodChooser(today, func() { e.countVisits(countDelay) })
	e.Paper = kit.NewPaperChoice(e.prefs)
	e.Document = widget.NewRadioGroup([]string{docProgress, DocIntake}, e.documentChosen)
	e.Document.Required = true
	e.Document.SetSelected(docProgress)
	e.Edition = newEditionChoice()
	e.Edition.OnChanged = e.editionChosen

	e.Insights = newInsightsChoice(e)
	e.Folder = kit.NewFolderRow(win, kit.DefaultReportFolder(e.prefs), nil)
	e.FileName = kit.NewEntry("")
	if note != nil {
		e.FileName.SetText(report.NoteFileName(client, note.Start))
	} else {
		e.FileName.SetText(report.FileName(client, today))
	}
	e.FileName.OnSubmitted = func(string) { e.Save.OnTapped() }
	e.Visits = widget.NewLabel("")
	e.Problem = widget.NewLabel("")
	e.Problem.Importance = widget.DangerImportance
	e.Problem.Wrapping = fyne.TextWrapWord
	e.Problem.Hide()
	e.Busy = widget.NewProgressBarInfinite()
	e.Busy.Stop()
	e.Busy.Hide()
	e.Save = kit.NewButtonWithIcon("Save PDF", theme.DocumentSaveIcon(), e.save)
	e.Save.Importance = widget.HighImportance
	e.Cancel = kit.NewButton("Cancel", func() { e.dialog.Hide() })

	form := container.New(layout.NewFormLayout(),
		widget.NewLabelWithStyle("Client", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(kit.NameWithDetail(client), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	rows := [][2]fyne.CanvasObject{
		Pair(kit.FormRow("Print", e.Document)),
		Pair(kit.FormRow("Period", e.Period.Box)),
		Pair(layout.NewSpacer(), e.Visits),
		Pair(kit.FormRow("Edition", e.Edition)),
		Pair(layout.NewSpacer(), e.Insights),
	}
	title := "Progress report"
	if note != nil {
		title = "Visit note"
		rows = [][2]fyne.CanvasObject{Pair(kit.FormRow("Visit", widget.NewLabel(kit.DateTime(note.Start))))}
		if len(note.Programme) > 0 {
			// the visit gave home exercises: their handout is printed from here too
			e.Document = widget.NewRadioGroup([]string{DocNote, DocHandout}, e.documentChosen)
			e.Document.Required = true
			e.Document.SetSelected(DocNote)
			rows = append(rows, Pair(kit.FormRow("Print", e.Document)))
		}
	}
	for _, row := range append(rows,
		Pair(kit.FormRow("Paper", e.Paper)),
		Pair(kit.FormRow("Save in", e.Folder.Box)),
		Pair(kit.FormRow("File name", e.FileName)),
	) {
		form.Add(row[0])
		form.Add(row[1])
	}
	e.NoPractice = widget.NewLabel("Settings have no practice or therapist yet: the header will be empty and " +
		"the signature line will read “Therapist”. Fill them in with File › Settings (Ctrl+,) first.")
	e.NoPractice.Importance = widget.WarningImportance
	e.NoPractice.Wrapping = fyne.TextWrapWord
	if strings.TrimSpace(practice.Name) != "" || strings.TrimSpace(practice.Therapist) != "" {
		e.NoPractice.Hide()
	}
	content := container.NewVBox(e.NoPractice, form, e.Problem, e.Busy)
	e.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	e.dialog.SetButtons([]fyne.CanvasObject{e.Cancel, e.Save})
	e.dialog.SetOnClosed(e.counts.Stop)
	return e
}

// The documents the dialog prints.
const (
	docProgress = "Progress report"
	DocIntake   = "Intake summary, for the client to sign"
	DocNote     = "Visit note"
	DocHandout  = "Home exercises, the client's handout"
)

// document is the chosen document.
func (e *ReportDialog) document() report.Document {
	if e.note != nil && e.Document.Selected == DocHandout {
		return report.HomeProgramme
	}
	if e.note == nil && e.Document.Selected == DocIntake {
		return report.IntakeSummary
	}
	return report.ProgressReport
}

// documentChosen proposes the file name that goes with the document; the
// intake has no period.
func (e *ReportDialog) documentChosen(string) {
	if e.FileName == nil || e.Period == nil || e.Edition == nil || e.Visits == nil {
		return // still being built
	}
	today := e.Now()
	if e.note != nil {
		name := report.NoteFileName(e.client, e.note.Start)
		if e.document() == report.HomeProgramme {
			name = report.HomeProgrammeFileName(e.client, e.note.Start)
		}
		e.FileName.SetText(name)
		return
	}
	if e.document() == report.IntakeSummary {
		// the intake is the client's own paper, as it stands today
		e.FileName.SetText(report.IntakeFileName(e.client, today))
		e.Period.Box.Hide()
		e.Visits.Hide()
		e.Edition.Hide()
		e.Insights.Hide()
		return
	}
	e.FileName.SetText(report.EditionFileName(e.client, editionOf(e.Edition.Selected), today))
	e.Period.Box.Show()
	e.Visits.Show()
	e.Edition.Show()
	e.showInsightsChoice()
}

// editionChosen proposes the edition's own file name, unless the
// therapist typed a name of their own.
func (e *ReportDialog) editionChosen(label string) {
	if e.FileName == nil || e.note != nil || e.document() != report.ProgressReport {
		return
	}
	today := e.Now()
	for _, ed := range report.Editions {
		if e.FileName.Text == report.EditionFileName(e.client, ed, today) {
			e.FileName.SetText(report.EditionFileName(e.client, editionOf(label), today))
			return
		}
	}
}

func Pair(a, b fyne.CanvasObject) [2]fyne.CanvasObject { return [2]fyne.CanvasObject{a, b} }

func (e *ReportDialog) Show() {
	e.dialog.Resize(fyne.NewSize(min(640, e.win.Canvas().Size().Width-40), 0))
	// Enter in the file name saves; Escape anywhere cancels.
	layerName := "progress report"
	if e.note != nil {
		layerName = "note report"
	}
	kit.ShowLayer(e.win, layerName, e.dialog, kit.Layer{Save: e.Save.OnTapped, Close: e.Cancel.OnTapped, Focus: e.FileName})
	if e.note == nil {
		e.countVisits(0)
	}
}

// countDelay lets the therapist finish typing a date before the visits are
// counted: counting reads the period's whole trend, and a count per
// keystroke would be thrown away at the next one.
const countDelay = 300 * time.Millisecond

// countVisits says, after delay, how many visits the chosen period holds,
// so an empty report is noticed before it is saved. A newer change cancels
// a count still waiting or running; only the newest is shown.
func (e *ReportDialog) countVisits(delay time.Duration) {
	if e.Visits == nil {
		return // still being built
	}
	period, err := e.Period.Period(e.Now())
	if err != nil {
		e.counts.Stop() // a count for the old period must not land over the blank
		e.Visits.SetText("")
		return
	}
	visitsIn := e.visitsIn
	kit.LoadLatest(e.Work, &e.counts, func(ctx context.Context) (int, error) {
		wait := time.NewTimer(delay)
		defer wait.Stop()
		select {
		case <-wait.C:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
		return visitsIn(ctx, period)
	}, func(n int, err error) {
		if err == nil {
			e.Visits.SetText(visitsInPeriod(n))
		}
	})
}

func visitsInPeriod(n int) string {
	if n == 0 {
		return "No visits in this period: the report will be nearly empty."
	}
	return words.Plural(n, "visit", "visits") + " in this period."
}

// unprintableText names the fields whose characters will print as boxes.
func unprintableText(fields []report.Unprintable) string {
	var b strings.Builder
	for _, u := range fields {
		b.WriteString(u.String() + ".\n")
	}
	b.WriteString("They will print as empty boxes. Save again to write the report anyway.")
	return b.String()
}

func (e *ReportDialog) showProblem(msg string) {
	e.Problem.SetText(msg)
	e.Problem.Show()
}

// save checks the choices, asks before replacing a file, then writes.
func (e *ReportDialog) save() {
	if e.Confirm != nil || e.Save.Disabled() {
		return // already asking, or already writing
	}
	e.Problem.Hide()
	period, err := e.Period.Period(e.Now())
	if err != nil && e.document() != report.IntakeSummary {
		e.showProblem(err.Error())
		return
	}
	name := strings.TrimSpace(e.FileName.Text)
	switch {
	case name == "" || strings.ContainsAny(name, `/\`):
		e.showProblem("File name must be a name, without folders.")
		return
	case !strings.EqualFold(filepath.Ext(name), ".pdf"):
		name += ".pdf"
	}
	path := filepath.Join(e.Folder.Path, name)
	if !kit.IsDir(e.Folder.Path) {
		e.showProblem("The folder " + e.Folder.Path + " does not exist. Choose another folder.")
		return
	}
	if kit.Exists(path) {
		// The keyboard now answers the question (Enter replaces, Escape
		// keeps), not the file name below.
		e.Confirm = kit.Confirm(e.win, "replace report", "Replace report?",
			name+" already exists in this folder.\nReplace it with the new report?", "Replace", "Keep the old one",
			func(ok bool) {
				e.Confirm = nil
				if ok {
					e.write(path, period)
				}
			})
		return
	}
	e.write(path, period)
}

// write loads and writes the report in the background; the dialog stays
// open, with its buttons off, until the file is complete.
func (e *ReportDialog) write(path string, period store.Period) {
	opts := report.Options{Document: e.document(), Practice: e.practice, PageSize: settings.PageSize(e.Paper.Selected), Date: e.Now(),
		Edition: editionOf(e.Edition.Selected)}
	opts.Insights = e.insightsChosen(opts)
	if opts.Document == report.IntakeSummary {
		period = store.Period{}
	}
	e.prefs.SetString(settings.KeyPageSize, e.Paper.Selected)
	e.prefs.SetString(kit.PrefReportFolder, e.Folder.Path)
	e.setBusy(true)
	id := e.client.ID
	e.Work.Run(func() func() {
		ctx := e.Work.Context()
		var err error
		var unprintable []report.Unprintable
		if e.note != nil && opts.Document == report.HomeProgramme {
			err = report.WriteHomeProgrammeFile(ctx, path, e.client, *e.note, opts)
		} else if e.note != nil {
			var head store.LogHead
			if head, err = e.store.LogHead(ctx); err == nil {
				err = report.WriteNoteFile(ctx, path, e.client, *e.note, head, opts)
			}
		} else {
			var d report.Data
			if d, err = report.Load(ctx, e.store, id, period); err == nil && opts.Insights {
				err = d.AddInsights(ctx, e.store)
			}
			if err == nil && !e.boxesAccepted {
				unprintable = report.FindUnprintable(d, opts)
			}
			if err == nil && len(unprintable) == 0 {
				err = report.WriteFile(ctx, path, d, opts)
			}
		}
		if err == nil && len(unprintable) == 0 {
			// A report is a burst of some 10 MB (gofpdf's buffers and
			// compressors, the chart's picture, the fonts' subsets) that
			// Go would keep for reuse, leaving the desk that much larger
			// for the rest of the day: handed back to the system at once,
			// in one collection beside the dialog's answer, not before it.
			go debug.FreeOSMemory()
		}
		return func() {
			e.setBusy(false)
			if err != nil {
				e.showProblem(words.ReportErrorText(err))
				return
			}
			if len(unprintable) > 0 {
				// said before anything is written; Save again prints boxes
				e.boxesAccepted = true
				e.showProblem(unprintableText(unprintable))
				return
			}
			e.dialog.Hide()
			e.showSaved(path)
		}
	})
}

func (e *ReportDialog) setBusy(busy bool) {
	if busy {
		e.Save.Disable()
		e.Busy.Show()
		e.Busy.Start()
		return
	}
	e.Busy.Stop()
	e.Busy.Hide()
	e.Save.Enable()
}

// showSaved says where the report is and offers to open it.
func (e *ReportDialog) showSaved(path string) {
	msg := widget.NewLabel(fmt.Sprintf("%s\nwas saved in %s.", filepath.Base(path), filepath.Dir(path)))
	msg.Wrapping = fyne.TextWrapWord
	e.Close = kit.NewButton("Close", func() { e.saved.Hide() })
	e.Open = kit.NewButtonWithIcon("Open report", theme.FileApplicationIcon(), func() {
		e.saved.Hide()
		if err := e.openURL(kit.FileURL(path)); err != nil {
			kit.Inform(e.win, "Could not open the report", "Open "+path+" from your file manager.")
		}
	})
	e.Open.Importance = widget.HighImportance
	e.saved = dialog.NewCustomWithoutButtons("Report saved", msg, e.win)
	e.saved.SetButtons([]fyne.CanvasObject{e.Close, e.Open})
	e.saved.Resize(fyne.NewSize(min(520, e.win.Canvas().Size().Width-40), 0))
	kit.ShowLayer(e.win, "report saved", e.saved, kit.Layer{Enter: e.Open.OnTapped, Focus: e.Open})
}

// newEditionChoice offers the report's readers, the physician's first
// chosen: the report as it was before editions.
func newEditionChoice() *widget.RadioGroup {
	labels := make([]string, len(report.Editions))
	for i, ed := range report.Editions {
		labels[i] = ed.Label()
	}
	g := widget.NewRadioGroup(labels, nil)
	g.Horizontal, g.Required = true, true
	g.SetSelected(report.ForPhysician.Label())
	return g
}

// editionOf is the edition a choice's label names.
func editionOf(label string) report.Edition {
	for _, ed := range report.Editions {
		if ed.Label() == label {
			return ed
		}
	}
	return report.ForPhysician
}
