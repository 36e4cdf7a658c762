package kit

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/settings"
)

// The parts the single and the batch report dialogs share: the period
// chooser, the paper choice, the folder row and the background runner.

// PrefReportFolder remembers where the therapist last saved reports.
const PrefReportFolder = "report.folder"

const (
	PeriodAll    = "All visits"
	PeriodRecent = "Last 3 months"
	PeriodYear   = "Last 12 months"
	PeriodCustom = "Custom"
)

// PracticeFromPreferences reads the practice details the settings saved,
// which the report dialogs print in a report's header and signature line.
func PracticeFromPreferences(p fyne.Preferences) store.Practice {
	return settings.Read(p.String).Practice
}

// PeriodChooser picks all visits, the last three months or a custom range.
type PeriodChooser struct {
	Choice   *widget.RadioGroup
	From, To *Entry
	Box      fyne.CanvasObject
	onChange func()
}

func NewPeriodChooser(today time.Time, onChange func()) *PeriodChooser {
	return NewPeriodChooserOf(today, []string{PeriodAll, PeriodRecent, PeriodCustom}, onChange)
}

// NewPeriodChooserOf offers the choices given, the first selected.
func NewPeriodChooserOf(today time.Time, choices []string, onChange func()) *PeriodChooser {
	p := &PeriodChooser{From: NewEntry("YYYY-MM-DD"), To: NewEntry("YYYY-MM-DD"), onChange: onChange}
	p.From.SetText(today.AddDate(0, -3, 0).Format(store.DateLayout))
	p.To.SetText(today.Format(store.DateLayout))
	p.Choice = widget.NewRadioGroup(choices, func(string) {
		p.syncEnabled()
		p.changed()
	})
	p.Choice.Horizontal = true
	p.Choice.Required = true
	p.Choice.SetSelected(choices[0])
	p.From.OnChanged = func(string) { p.changed() }
	p.To.OnChanged = func(string) { p.changed() }
	dates := container.NewHBox(widget.NewLabel("From"), sized(p.From, 130), widget.NewLabel("to"), sized(p.To, 130))
	p.Box = container.NewVBox(p.Choice, dates)
	p.syncEnabled()
	return p
}

func (p *PeriodChooser) changed() {
	if p.onChange != nil {
		p.onChange()
	}
}

// syncEnabled lets the dates be typed only for a custom range.
func (p *PeriodChooser) syncEnabled() {
	if p.Choice.Selected == PeriodCustom {
		p.From.Enable()
		p.To.Enable()
	} else {
		p.From.Disable()
		p.To.Disable()
	}
}

// Period is the chosen range, or an error naming the date at fault.
func (p *PeriodChooser) Period(today time.Time) (store.Period, error) {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.Local)
	switch p.Choice.Selected {
	case PeriodRecent:
		return store.Period{From: day.AddDate(0, -3, 0), To: day}, nil
	case PeriodYear:
		return store.Period{From: day.AddDate(-1, 0, 0), To: day}, nil
	case PeriodCustom:
		from, err := parseReportDate("From", p.From.Text)
		if err != nil {
			return store.Period{}, err
		}
		to, err := parseReportDate("To", p.To.Text)
		if err != nil {
			return store.Period{}, err
		}
		if from.After(to) {
			return store.Period{}, fmt.Errorf("The period starts (%s) after it ends (%s)", p.From.Text, p.To.Text)
		}
		return store.Period{From: from, To: to}, nil
	}
	return store.Period{}, nil
}

func parseReportDate(label, text string) (time.Time, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, fmt.Errorf("%s date is required for a custom period", label)
	}
	t, err := ReadDay(text)
	if err != nil {
		return time.Time{}, errors.New(DateProblem(label+" date", err))
	}
	return t, nil
}

// NewPaperChoice picks A4 or Letter, starting from the saved preference.
func NewPaperChoice(prefs fyne.Preferences) *widget.RadioGroup {
	r := widget.NewRadioGroup(PageSizeNames(), nil)
	r.Horizontal = true
	r.Required = true
	r.SetSelected(string(settings.Read(prefs.String).PageSize))
	return r
}

// PageSizeNames are the paper sizes as a chooser lists them.
func PageSizeNames() []string {
	names := make([]string, len(settings.PageSizes))
	for i, s := range settings.PageSizes {
		names[i] = string(s)
	}
	return names
}

// FolderRow shows where reports go and lets the therapist choose another
// folder. A folder picker, not Fyne's save dialog, because that dialog
// truncates the chosen file before handing it over: a failed report would
// then destroy the good report it was meant to replace.
type FolderRow struct {
	Path   string
	Label  *widget.Label
	Choose *Button
	Box    fyne.CanvasObject
	Picker dialog.Dialog // the folder dialog while it is open
}

func NewFolderRow(win fyne.Window, start string, onChange func()) *FolderRow {
	f := &FolderRow{Path: start, Label: widget.NewLabel(start)}
	f.Label.Truncation = fyne.TextTruncateEllipsis
	f.Choose = NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			f.Set(dir.Path())
			if onChange != nil {
				onChange()
			}
		}, win)
		if uri, err := storage.ListerForURI(storage.NewFileURI(f.Path)); err == nil {
			d.SetLocation(uri)
		}
		d.Resize(DialogSize(win, 820, 560))
		d.SetOnClosed(func() { f.Picker = nil })
		f.Picker = d
		ShowLayer(win, "folder picker", d, Layer{Unfocused: true})
	})
	f.Box = container.NewBorder(nil, nil, nil, f.Choose, f.Label)
	return f
}

func (f *FolderRow) Set(path string) {
	f.Path = path
	f.Label.SetText(path)
}

// DefaultReportFolder is the last folder used if it still exists, else the
// Documents folder, else home.
func DefaultReportFolder(prefs fyne.Preferences) string {
	if last := prefs.String(PrefReportFolder); last != "" && IsDir(last) {
		return last
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if docs := filepath.Join(home, "Documents"); IsDir(docs) {
		return docs
	}
	return home
}

func IsDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func Exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// FileURL is a local path as a file:// URL for the system's opener.
func FileURL(path string) *url.URL {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return &url.URL{Scheme: "file", Path: path}
	}
	return u
}

// sized gives an entry a fixed minimum width inside a box.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// DialogSize is w by h, or less on a small window.
func DialogSize(win fyne.Window, w, h float32) fyne.Size {
	s := win.Canvas().Size()
	return fyne.NewSize(min(w, s.Width-40), min(h, s.Height-40))
}

// FitScrolling sizes d, whose content is scroll, as tall as what scrolls
// needs or as the window allows: on a short window the fields scroll and
// the dialog's buttons stay in view, never cut by the window's edge.
func FitScrolling(win fyne.Window, d *dialog.CustomDialog, scroll *container.Scroll, width float32) {
	chrome := d.MinSize().Height - scroll.MinSize().Height
	d.Resize(DialogSize(win, width, chrome+scroll.Content.MinSize().Height))
}

// FormRow is a bold label beside its field.
func FormRow(label string, field fyne.CanvasObject) (fyne.CanvasObject, fyne.CanvasObject) {
	return FormRowLabel(label), field
}

// FormRowLabel is the bold label of a form's row.
func FormRowLabel(label string) *widget.Label {
	return widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}
