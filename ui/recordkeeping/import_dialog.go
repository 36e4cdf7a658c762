package recordkeeping

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/dates"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
	"backtrack/ui/reportdialog"
)

// importKind is one kind of file the desk imports.
type importKind struct {
	label   string
	columns string // what the file must look like, for the therapist
	run     func(Record, context.Context, io.Reader, interchange.ImportOptions) (interchange.ImportSummary, error)
	// list: a list with any column names, read through the mapping the
	// therapist sets in the dialog; run reads a file that cannot be read
	// as a list (its problems) and, when ownColumns, a file in Backtrack's
	// own column names, which run reads whole
	list       *interchange.ListKind
	ownColumns bool
}

var importKinds = []importKind{
	{label: "Clients (CSV)", columns: "A client list from a spreadsheet or another app (Cliniko, Jane…), comma or semicolon: " +
		"choose the file, then say which column is which.", run: Record.ImportClientsCSV, list: interchange.ClientList},
	{label: "Sessions (CSV)", columns: "Visits from a spreadsheet or another app (Cliniko's appointments…), one a row, each for a " +
		"client recorded already (found by name and date of birth, email or id): choose the file, then say which column is which. " +
		"Muscles are read as on the desk (QL, Gluteus medius (left)); pain as 7 or 7/10. A file Backtrack wrote is read whole.",
		run: Record.ImportSessionsCSV, list: interchange.SessionList, ownColumns: true},
	{label: "Backtrack export (JSON)", columns: "A file saved with Export… in Backtrack: everything it holds comes back.", run: Record.ImportJSON},
}

// importDialog checks a file first and previews every problem by row and
// column; only a file without problems can be imported, all rows at once.
// onImported runs after an import landed, so the desk can reload. It keeps
// its widgets so tests can use it as a therapist would.
type importDialog struct {
	dialogFrame
	store      Record
	onImported func()

	Kind    *widget.RadioGroup
	Columns *widget.Label
	// Dates says the order of day and month in a CSV whose dates cannot
	// show it themselves (every day 12 or less): never guessed.
	Dates    *widget.Select
	File     *widget.Label
	Choose   *kit.Button
	Summary  *widget.Label
	Problems *widget.List
	Problem  *widget.Label
	Busy     *widget.ProgressBarInfinite
	Import   *kit.Button
	Cancel   *kit.Button
	// List sets which column of a client list is which; Matches names the
	// rows that are clients recorded already; Undo takes back the last
	// import of clients.
	List    *clientListPanel
	Matches *widget.Label
	Undo    *kit.Button

	path       string
	problems   []interchange.ImportProblem
	listBox    *fyne.Container
	work       *kit.Tasks // the desk's: quitting stops a check or import (rolled back) and waits
	checkGen   int
	lastImport sqlstore.ImportBatch // the one Undo offers
}

func NewImportDialog(win fyne.Window, s Record, t *kit.Tasks, onImported func()) *importDialog {
	d := &importDialog{dialogFrame: dialogFrame{win: win, width: 860}, store: s, work: t, onImported: onImported}
	labels := make([]string, len(importKinds))
	for i, k := range importKinds {
		labels[i] = k.label
	}
	d.Columns = widget.NewLabel("")
	d.Columns.Wrapping = fyne.TextWrapWord
	d.Columns.Importance = widget.LowImportance
	d.Kind = widget.NewRadioGroup(labels, func(string) { d.kindChanged() })
	d.Kind.Horizontal = true
	d.Kind.Required = true
	d.File = widget.NewLabel("No file chosen")
	d.File.Truncation = fyne.TextTruncateEllipsis
	d.Choose = kit.NewButtonWithIcon("Choose file…", theme.FolderOpenIcon(), d.chooseFile)
	d.Summary = widget.NewLabel("")
	d.Summary.Wrapping = fyne.TextWrapWord
	d.Problem = problemLabel()
	d.Busy = busyBar()
	d.Problems = widget.NewList(func() int { return len(d.problems) },
		func() fyne.CanvasObject {
			where := widget.NewLabelWithStyle("row 000, pain_before", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			msg := widget.NewLabel("")
			msg.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(190, where.MinSize().Height), where), nil, msg)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(d.problems[i].Where())
			box.Objects[0].(*widget.Label).SetText(d.problems[i].Message)
			d.Problems.SetItemHeight(i, box.MinSize().Height)
		})
	scroll := container.NewVScroll(d.Problems)
	scroll.SetMinSize(fyne.NewSize(0, 240))
	d.listBox = container.NewStack(scroll)
	d.listBox.Hide()
	d.Import = kit.NewButtonWithIcon("Import", theme.DownloadIcon(), d.importFile)
	d.Import.Importance = widget.HighImportance
	d.Import.Disable()
	d.Cancel = kit.NewButton("Cancel", func() { d.dialog.Hide() })
	d.List = newClientListPanel(d.check)
	d.Matches = widget.NewLabel("")
	d.Matches.Wrapping = fyne.TextWrapWord
	d.Matches.Hide()
	d.Undo = kit.NewButtonWithIcon("Undo last import…", theme.ContentUndoIcon(), d.confirmUndo)
	d.Undo.Disable()
	d.Dates = widget.NewSelect(dateOrderLabels, func(string) {
		if d.path != "" {
			d.check()
		}
	})
	d.Dates.SetSelectedIndex(0)
	d.Kind.SetSelected(labels[0])

	form := container.New(layout.NewFormLayout())
	for _, row := range [][2]fyne.CanvasObject{
		reportdialog.Pair(kit.FormRow("Import", d.Kind)),
		reportdialog.Pair(layout.NewSpacer(), d.Columns),
		reportdialog.Pair(kit.FormRow("File", container.NewBorder(nil, nil, nil, d.Choose, d.File))),
		reportdialog.Pair(kit.FormRow("Dates", d.Dates)),
	} {
		form.Add(row[0])
		form.Add(row[1])
	}
	content := container.NewVBox(form, d.List.box, widget.NewSeparator(), d.Summary, d.Matches, d.Problem, d.listBox, d.Busy)
	d.build("import", "Import records", content, d.Undo, layout.NewSpacer(), d.Cancel, d.Import)
	return d
}

// Show shows the dialog and asks the record whether there is an import to
// undo (in the background: the answer lands after the dialog is up).
func (d *importDialog) Show() {
	d.dialogFrame.Show()
	d.refreshUndo()
}

func (d *importDialog) kind() importKind {
	for _, k := range importKinds {
		if k.label == d.Kind.Selected {
			return k
		}
	}
	return importKinds[0]
}

func (d *importDialog) kindChanged() {
	d.Columns.SetText(d.kind().columns)
	d.List.hide()
	if d.path != "" {
		d.check()
	}
}

func (d *importDialog) chooseFile() {
	fd := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		f.Close()
		d.choose(f.URI().Path())
	}, d.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".json", ".JSON", ".txt"}))
	if home, err := os.UserHomeDir(); err == nil {
		if uri, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			fd.SetLocation(uri)
		}
	}
	fd.Resize(kit.DialogSize(d.win, 820, 560))
	kit.ShowLayer(d.win, "file picker", fd, kit.Layer{Unfocused: true})
}

// choose takes a file and checks it; a .json file selects the JSON kind.
func (d *importDialog) choose(path string) {
	d.path = path
	d.File.SetText(path)
	d.List.hide() // a new file: its columns are read anew
	if strings.EqualFold(filepath.Ext(path), ".json") && d.kind().label != importKinds[2].label {
		d.Kind.SetSelected(importKinds[2].label) // runs check
		return
	}
	d.check()
}

// check runs the whole import without keeping it and previews the result.
func (d *importDialog) check() {
	d.run(true)
}

func (d *importDialog) importFile() {
	d.run(false)
}

// run reads the file and imports it in the background, for real or only
// to check; the newest run is the one shown.
func (d *importDialog) run(checkOnly bool) {
	d.Import.Disable()
	d.Problem.Hide()
	d.Matches.Hide()
	d.problems = nil
	d.listBox.Hide()
	path, kind, order := d.path, d.kind(), d.dateOrder()
	var m *interchange.Mapping // the therapist's, once the list is shown
	if d.List.shown() {
		chosen := d.List.mapping
		m = &chosen
	}
	if path == "" {
		return
	}
	d.checkGen++
	gen := d.checkGen
	if checkOnly {
		d.Summary.SetText("Checking " + filepath.Base(path) + "…")
	} else {
		d.Summary.SetText("Importing…")
	}
	setBusy(d.Busy, true, d.Choose)
	ctx := d.work.Context()
	d.work.Run(func() func() {
		var head *interchange.ListHead
		if kind.list != nil && m == nil {
			head, m = readList(path, kind)
		}
		sum, err := d.readAndRun(ctx, path, kind, m, order, checkOnly)
		return func() {
			if gen != d.checkGen {
				return
			}
			setBusy(d.Busy, false, d.Choose)
			if head != nil {
				d.List.load(*head, *m)
			}
			d.present(sum, err, checkOnly)
		}
	})
}

// readList reads a list's header and rows, and the mapping to show for
// it; nil, nil when the file cannot be read as CSV (the import says why)
// or is in Backtrack's own columns where the kind reads those whole.
func readList(path string, kind importKind) (*interchange.ListHead, *interchange.Mapping) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	head, _ := interchange.ReadListHead(f, -1)
	if head.Header == nil || (kind.ownColumns && kind.list.OwnColumns(head.Header)) {
		return nil, nil
	}
	m := listMapping(kind.list, head, rememberedSpec(kind.list, head.Header))
	return &head, &m
}

func (d *importDialog) readAndRun(ctx context.Context, path string, kind importKind, m *interchange.Mapping, order dates.Order, checkOnly bool) (interchange.ImportSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return interchange.ImportSummary{}, err
	}
	defer f.Close()
	opts := interchange.ImportOptions{CheckOnly: checkOnly, Preview: checkOnly, Source: filepath.Base(path), DateOrder: order}
	if kind.list == nil || m == nil {
		return kind.run(d.store, ctx, f, opts) // not a list: its problems; or in our own columns
	}
	chosen := *m
	if chosen.DateOrder == dates.Unknown {
		chosen.DateOrder = order // the dialog's Dates, when the list's own chooser is not set
	}
	return d.store.ImportMappedCSV(ctx, f, chosen, opts)
}

// dateOrderLabels are the choices of Dates, in the order of dates.Order.
var dateOrderLabels = []string{"As the file shows (a day over 12 tells)", "Day first: 07/12/2026 is 7 December", "Month first: 07/12/2026 is July 12"}

// dateOrder is the order chosen in Dates.
func (d *importDialog) dateOrder() dates.Order {
	return dates.Order(max(d.Dates.SelectedIndex(), 0))
}

// present shows the outcome of a check or an import.
func (d *importDialog) present(sum interchange.ImportSummary, err error, checkOnly bool) {
	var ie *interchange.ImportError
	switch {
	case errors.As(err, &ie):
		d.problems = sum.Problems
		d.Summary.SetText(fmt.Sprintf("%s has %s. Nothing was imported: correct the file (or the columns), then check again.",
			filepath.Base(d.path), words.Plural(len(sum.Problems), "problem", "problems")) + previewCounts(sum))
		d.showMatches(sum)
		d.Problems.Refresh()
		d.listBox.Show()
	case err != nil:
		d.Summary.SetText("")
		showOrHide(d.Problem, words.FileTaskErrorText(err))
	case checkOnly:
		d.Summary.SetText("The file checks out; nothing is written until you import it.\n" + strings.Join(sum.Lines(), "\n"))
		d.showMatches(sum)
		d.Import.Enable()
	default:
		if d.List.shown() {
			d.List.remember()
		}
		d.refreshUndo()
		d.dialog.Hide()
		done := strings.Join(sum.Lines(), "\n")
		kit.Inform(d.win, "Import done", done)
		if d.onImported != nil {
			d.onImported()
		}
	}
	d.fit()
}
