package clientmode

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store/pin"
	"backtrack/ui/kit"
)

// pinLock is the page only the therapist's PIN opens: after ten minutes
// without a touch, or when the therapist asks for the device back. It
// covers the client's pages (their answers stay as they are); a wrong
// PIN makes the next try wait longer, and never locks for good.
type pinLock struct {
	s        *Screen
	Why      *widget.Label
	PIN      *widget.Entry
	Keys     [10]*kit.Button
	Unlock   *kit.Button
	Resume   *kit.Button // back to the client's pages, without the PIN: only when the therapist asked
	Message  *widget.Label
	ToClient *kit.Button // after the PIN: back to the client's pages
	ToDesk   *kit.Button // after the PIN: the window back to the desk
	Failures int

	layer      *fyne.Container
	choices    *fyne.Container
	keypad     *fyne.Container
	waitingFor time.Time
}

func newPINLock(s *Screen) *pinLock {
	l := &pinLock{s: s}
	l.Why = wrapped("")
	l.PIN = widget.NewPasswordEntry()
	l.PIN.SetPlaceHolder("Therapist's PIN")
	l.PIN.OnSubmitted = func(string) { l.try() }
	l.Message = wrapped("")
	l.Message.Importance = widget.DangerImportance
	pad := container.NewGridWithColumns(3)
	for _, d := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9} {
		l.Keys[d] = kit.NewButton(strconv.Itoa(d), func() { l.PIN.SetText(l.PIN.Text + strconv.Itoa(d)) })
		pad.Add(l.Keys[d])
	}
	l.Keys[0] = kit.NewButton("0", func() { l.PIN.SetText(l.PIN.Text + "0") })
	pad.Add(kit.NewButton("Delete", func() {
		if n := len(l.PIN.Text); n > 0 {
			l.PIN.SetText(l.PIN.Text[:n-1])
		}
	}))
	pad.Add(l.Keys[0])
	l.Unlock = kit.NewButton("Unlock", l.try)
	l.Unlock.Importance = widget.HighImportance
	pad.Add(l.Unlock)
	l.Resume = kit.NewButton("Back to my answers", l.resume)
	l.ToClient = kit.NewButton("Back to the client's pages", l.resume)
	l.ToDesk = kit.NewButton("Return to the desk", s.giveBack)
	l.ToDesk.Importance = widget.HighImportance
	l.keypad = container.NewVBox(l.PIN, container.NewGridWrap(fyne.NewSize(360, 64*4+3*theme.Padding()), pad), l.Message, l.Resume)
	l.choices = container.NewVBox(l.ToClient, l.ToDesk)
	title := widget.NewLabelWithStyle("For your therapist", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	l.layer = container.NewStack(bg, container.NewPadded(container.NewVScroll(container.NewVBox(title, l.Why, l.keypad, l.choices))))
	l.layer.Hide()
	s.root.Add(l.layer)
	return l
}

// Shown reports the lock covering the client's pages.
func (l *pinLock) Shown() bool { return l.layer.Visible() }

func (l *pinLock) open(why string, canResume bool) {
	l.Why.SetText(why)
	l.PIN.SetText("")
	l.Message.SetText("")
	l.keypad.Show()
	l.choices.Hide()
	l.Resume.Hidden = !canResume
	for _, o := range l.s.root.Objects[:len(l.s.root.Objects)-1] {
		o.Hide()
	}
	l.layer.Show()
	l.s.root.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.PIN); c != nil {
		c.Focus(l.PIN)
	}
}

// resume shows the client's pages again, as they were.
func (l *pinLock) resume() {
	l.PIN.SetText("")
	l.layer.Hide()
	for _, o := range l.s.root.Objects[:len(l.s.root.Objects)-1] {
		o.Show()
	}
	l.s.root.Refresh()
	l.s.touched()
}

// try checks the PIN typed. A wrong one is slowed: after the third in a
// row each try waits longer (pin.Delay), and nothing is ever locked
// for good.
func (l *pinLock) try() {
	if l.Unlock.Disabled() {
		wait := max(time.Until(l.waitingFor), time.Second)
		l.Message.SetText(fmt.Sprintf("Please wait %d seconds before trying again.", int(wait.Seconds()+0.999)))
		return
	}
	typed := l.PIN.Text
	l.PIN.SetText("")
	if !pin.Matches(l.s.opt.PINHash, typed) {
		l.Failures++
		delay := pin.Delay(l.Failures)
		if delay == 0 {
			l.Message.SetText("That PIN is not right. Try again.")
			return
		}
		l.waitingFor = time.Now().Add(delay)
		l.Unlock.Disable()
		l.Message.SetText(fmt.Sprintf("That PIN is not right. Try again in %d seconds.", int(delay.Seconds())))
		l.s.opt.After(delay, l.Unlock.Enable)
		return
	}
	l.Failures = 0
	if l.s.finished {
		l.s.giveBack()
		return
	}
	l.keypad.Hide()
	l.Message.SetText("")
	l.Why.SetText("The client has not finished. Their answers are kept while this screen is open; returning to the desk leaves them unkept.")
	l.ToDesk.SetText("Return to the desk without keeping them")
	l.choices.Show()
}

// askForPIN is the therapist asking for the device back.
func (s *Screen) askForPIN() {
	s.Lock.open("Your therapist enters the PIN to take the device back.", !s.finished)
}

// lockIdle locks the screen after IdleLock without a touch, keeping the
// answers.
func (s *Screen) lockIdle() {
	if s.Lock.Shown() {
		return
	}
	s.Lock.open("This screen locked after a while without a touch. Your answers are kept: your therapist unlocks it with the PIN.", false)
}
