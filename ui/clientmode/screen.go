package clientmode

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// Record is what the client's screen asks of the record: to keep what the
// client gave, whole.
type Record interface {
	SaveSubmission(ctx context.Context, sub store.Submission) (store.Submission, error)
}

// Request is what the therapist hands over: whose forms, which, and the
// sensitive areas the consent asks one by one.
type Request struct {
	Client store.Client
	Forms  []store.FormKind
	Areas  []store.ConsentArea
	// PaperOn is the date of the paper form the therapist types the
	// answers from; zero when the client fills them in. A paper consent
	// was signed on paper: no signature is drawn for it.
	PaperOn time.Time
}

// IdleLock is how long the screen waits without a touch before it locks.
const IdleLock = 10 * time.Minute

// Options are what the screen needs beside the request.
type Options struct {
	Window  fyne.Window
	Record  Record
	PINHash string           // the therapist's PIN as Settings keeps it
	Now     func() time.Time // the clock the signature's timing reads
	Idle    time.Duration    // IdleLock unless set (tests set it short)
	// Done is called when the therapist has taken the screen back, with
	// the submission kept, if the client finished.
	Done func(sub store.Submission, kept bool)
	// After runs f on the UI goroutine once d has passed, and returns what
	// cancels it: time.AfterFunc through fyne.Do unless set (tests run the
	// waits by hand, on their own goroutine).
	After func(d time.Duration, f func()) (stop func())
}

func afterOnUI(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// Screen is the client's screen over a window. It keeps its widgets for
// tests.
type Screen struct {
	opt  Options
	req  Request
	now  func() time.Time
	Page *widget.Label // "Page 2 of 9"

	Title               *widget.Label
	Progress            *widget.ProgressBar
	Message             *widget.Label // what to do before going on, or why it failed
	Back, Next, Clear   *kit.Button
	Therapist           *kit.Button
	Answers             answers
	pages               []page
	at                  int
	body                *fyne.Container
	root                *fyne.Container
	themed              *container.ThemeOverride
	kept                *store.Submission
	desk                fyne.CanvasObject
	deskMenu            *fyne.MainMenu
	stopIdle            func()
	Lock                *pinLock
	finished, lockShown bool
}

// Open hands the window to the client: the desk's content and menu are put
// aside until the therapist's PIN takes the window back.
func Open(req Request, opt Options) *Screen {
	if opt.Idle == 0 {
		opt.Idle = IdleLock
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.After == nil {
		opt.After = afterOnUI
	}
	s := &Screen{opt: opt, req: req, now: opt.Now}
	s.pages = s.buildPages(req, &s.Answers)
	s.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Title.SizeName = theme.SizeNameHeadingText
	s.Page = widget.NewLabel("")
	s.Progress = widget.NewProgressBar()
	s.Progress.TextFormatter = func() string { return "" }
	s.Message = widget.NewLabel("")
	s.Message.Wrapping = fyne.TextWrapWord
	s.Message.Importance = widget.DangerImportance
	s.Back = newTarget("Back", s.back)
	s.Next = newTarget("Next", s.next)
	s.Next.Importance = widget.HighImportance
	s.Therapist = kit.NewButtonWithIcon("", theme.AccountIcon(), s.askForPIN)
	s.body = container.NewStack()
	top := container.NewBorder(nil, nil, nil, s.Therapist, container.NewVBox(s.Title, container.NewBorder(nil, nil, nil, s.Page, s.Progress)))
	bottom := container.NewVBox(s.Message, container.NewGridWithColumns(2, s.Back, s.Next))
	page := container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil,
		container.NewPadded(container.NewVScroll(s.body)))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	s.root = container.NewStack(bg, page)
	s.Lock = newPINLock(s)

	s.desk, s.deskMenu = opt.Window.Content(), opt.Window.MainMenu()
	opt.Window.SetMainMenu(nil)
	s.themed = container.NewThemeOverride(s.root, largeTheme{base: fyne.CurrentApp().Settings().Theme()})
	opt.Window.SetContent(s.themed)
	s.show(0)
	s.touched()
	return s
}

// restyle lays the large theme over what the screen shows now: a page
// joins the window only when it is shown.
func (s *Screen) restyle() {
	if s.themed != nil {
		s.themed.Refresh()
	} else {
		s.body.Refresh()
	}
}

// newTarget is a button a finger hits: at least 44 px high in the large
// theme.
func newTarget(label string, tapped func()) *kit.Button {
	return kit.NewButton(label, tapped)
}

// touched is every touch, tap or key on the screen: it restarts the idle
// clock.
func (s *Screen) touched() {
	if s.stopIdle != nil {
		s.stopIdle()
	}
	s.stopIdle = s.opt.After(s.opt.Idle, s.lockIdle)
}

func (s *Screen) show(i int) {
	s.at = i
	p := s.pages[i]
	s.Title.SetText(p.title)
	s.Page.SetText(fmt.Sprintf("Page %d of %d", i+1, len(s.pages)))
	s.Progress.SetValue(float64(i+1) / float64(len(s.pages)))
	s.Message.SetText("")
	if p.fit != nil {
		p.fit(s.opt.Window.Canvas().Size())
	}
	s.body.Objects = []fyne.CanvasObject{p.body}
	s.restyle()
	if i == 0 {
		s.Back.Disable()
	} else {
		s.Back.Enable()
	}
	s.Next.SetText("Next")
	if i == len(s.pages)-1 {
		s.Next.SetText("Finish")
	}
}

func (s *Screen) back() {
	s.touched()
	if s.at > 0 {
		s.show(s.at - 1)
	}
}

func (s *Screen) next() {
	s.touched()
	if missing := s.pages[s.at].missing; missing != nil {
		if why := missing(); why != "" {
			s.Message.SetText(why)
			return
		}
	}
	if s.at < len(s.pages)-1 {
		s.show(s.at + 1)
		return
	}
	s.finish()
}

// finish keeps what the client gave and thanks them.
func (s *Screen) finish() {
	sub := s.Submission()
	kept, err := s.opt.Record.SaveSubmission(context.Background(), sub)
	if err != nil {
		s.Message.SetText("Your answers could not be kept: " + plainError(err) + " Please tell your therapist.")
		return
	}
	s.kept, s.finished = &kept, true
	s.Title.SetText("Thank you")
	s.Page.SetText("")
	s.Progress.SetValue(1)
	s.Message.SetText("")
	s.body.Objects = []fyne.CanvasObject{container.NewVBox(
		wrapped("Thank you, "+s.req.Client.FirstName+". Your answers are kept."),
		wrapped("Please hand the device back to your therapist."))}
	s.restyle()
	s.Back.Hide()
	s.Next.Hide()
}

// plainError is an error's first sentence, as a client can read it.
func plainError(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// Submission is what the client answered so far, as it would be kept.
func (s *Screen) Submission() store.Submission {
	a := &s.Answers
	sub := store.Submission{ClientID: s.req.Client.ID, Forms: append([]store.FormKind(nil), s.req.Forms...), PaperOn: s.req.PaperOn}
	for _, f := range s.req.Forms {
		switch f {
		case store.FormIntake:
			sub.Intake.Reason, sub.Intake.Began = a.Reason.Text, a.Began.Text
			sub.Intake.Conditions = map[store.Condition]store.Answer{}
			for c, q := range a.Conditions {
				if ans := q.Answer(); ans.State != store.NotAsked {
					sub.Intake.Conditions[c] = ans
				}
			}
			sub.Screen.Answers = map[store.RedFlag]store.Answer{}
			for fl, q := range a.Flags {
				if ans := q.Answer(); ans.State != store.NotAsked {
					sub.Screen.Answers[fl] = ans
				}
			}
		case store.FormConsent:
			sub.Consent.Assessment, sub.Consent.Draping = true, true
			general := a.GeneralConsent.Answer().State
			for _, area := range store.GeneralAreas {
				switch general {
				case store.AnsweredYes:
					sub.Consent.Areas = append(sub.Consent.Areas, area)
				case store.AnsweredNo:
					sub.Consent.Excluded = append(sub.Consent.Excluded, area)
				}
			}
			for _, area := range s.req.Areas {
				switch a.Areas[area].Answer().State {
				case store.AnsweredYes:
					sub.Consent.Areas = append(sub.Consent.Areas, area)
				case store.AnsweredNo:
					sub.Consent.Excluded = append(sub.Consent.Excluded, area)
				}
			}
		case store.FormPSFS:
			m := store.Measure{Kind: store.PSFS}
			for i, e := range a.Activities {
				if name := strings.TrimSpace(e.Text); name != "" && a.ActivityScores[i].value >= 0 {
					m.Items = append(m.Items, store.MeasureItem{Item: name, Score: a.ActivityScores[i].value})
				}
			}
			sub.Measures = append(sub.Measures, m)
		case store.FormPain:
			sub.Pain = max(a.Pain.value, 0)
		case store.FormBodyChart:
			sub.BodyChart = a.Where.Chosen()
		}
	}
	sub.SignedName, sub.Signature = strings.TrimSpace(a.Name.Text), a.Pad.Signature()
	return sub
}

// giveBack returns the window to the desk.
func (s *Screen) giveBack() {
	if s.stopIdle != nil {
		s.stopIdle()
	}
	s.opt.Window.SetContent(s.desk)
	s.opt.Window.SetMainMenu(s.deskMenu)
	if s.opt.Done != nil {
		var sub store.Submission
		if s.kept != nil {
			sub = *s.kept
		}
		s.opt.Done(sub, s.kept != nil)
	}
}

// Finished reports a submission kept.
func (s *Screen) Finished() bool { return s.finished }

// Root is the client's screen as the window shows it.
func (s *Screen) Root() fyne.CanvasObject { return s.root }

// At is the page shown, from 0.
func (s *Screen) At() int { return s.at }

// Pages counts the pages.
func (s *Screen) Pages() int { return len(s.pages) }
