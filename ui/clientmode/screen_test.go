package clientmode

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/store/pin"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
)

// handOver opens the client's screen for a new client over a desk window
// with a menu, the PIN 2468 set.
type handOver struct {
	// waits are the waits the screen started, in order: run by hand
	waits  []*wait
	s      *Screen
	store  *sqlstore.Store
	client store.Client
	win    fyne.Window
	desk   *widget.Label
	back   bool
	kept   store.Submission
}

// wait is one of the screen's timers, run by the test instead of the clock.
type wait struct {
	d       time.Duration
	f       func()
	stopped bool
}

// elapse runs the waits not stopped that last at most d.
func (h *handOver) elapse(d time.Duration) {
	for _, w := range h.waits {
		if !w.stopped && w.d <= d {
			w.stopped = true
			w.f()
		}
	}
}

var testPIN = func() string {
	h, err := pin.Hash("2468")
	if err != nil {
		panic(err)
	}
	return h
}()

func newHandOver(t *testing.T, forms []store.FormKind, idle time.Duration, paperOn ...time.Time) *handOver {
	t.Helper()
	test.NewTempApp(t)
	st := desktest.OpenStore(t)
	c := desktest.AddClient(t, st, store.Client{FirstName: "Lena", LastName: "Fischer",
		DateOfBirth: time.Date(1975, 5, 2, 0, 0, 0, 0, time.Local)})
	h := &handOver{store: st, client: c, desk: widget.NewLabel("Alerts: osteoporosis")}
	h.win = test.NewTempWindow(t, h.desk)
	h.win.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu("Client")))
	h.win.Resize(fyne.NewSize(1280, 800))
	clock := desktest.Now
	req := Request{Client: c, Forms: forms, Areas: []store.ConsentArea{store.AreaGluteal, store.AreaAbdomen}}
	if len(paperOn) > 0 {
		req.PaperOn = paperOn[0]
	}
	h.s = Open(req,
		Options{Window: h.win, Record: st, PINHash: testPIN, Idle: idle,
			After: func(d time.Duration, f func()) func() {
				w := &wait{d: d, f: f}
				h.waits = append(h.waits, w)
				return func() { w.stopped = true }
			},
			Now:  func() time.Time { clock = clock.Add(40 * time.Millisecond); return clock },
			Done: func(sub store.Submission, kept bool) { h.back, h.kept = true, sub }})
	return h
}

// shown is what the window shows: the text of every visible label and
// entry, a line each.
func (h *handOver) shown() string {
	var lines []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			lines = append(lines, v.Text)
		case *widget.Entry:
			lines = append(lines, v.Text)
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(h.win.Content())
	return strings.Join(lines, "\n")
}

// nextPage taps Next and checks it moved.
func (h *handOver) nextPage(t *testing.T) {
	t.Helper()
	at := h.s.At()
	test.Tap(h.s.Next)
	if h.s.At() != at+1 {
		t.Fatalf("Next stayed on page %d: %q", at+1, h.s.Message.Text)
	}
}

// sign draws two strokes on the pad by drag events, as a finger does.
func (h *handOver) sign(t *testing.T) {
	t.Helper()
	pad := h.s.Answers.Pad
	c := h.win.Canvas()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(pad)
	// the pointer ends where the event is, having moved by the delta
	test.Drag(c, at.Add(fyne.NewPos(220, 70)), 100, -80)
	test.Drag(c, at.Add(fyne.NewPos(450, 110)), 150, 10)
}

func TestTheClientFillsInSignsAndHandsBackWithThePIN(t *testing.T) {
	h := newHandOver(t, []store.FormKind{store.FormIntake, store.FormConsent, store.FormPSFS, store.FormPain}, time.Hour)
	if h.win.MainMenu() != nil || strings.Contains(h.shown(), "osteoporosis") {
		t.Fatalf("the desk shows through the client's screen: %q", h.shown())
	}
	desktest.MustContain(t, "welcome", h.shown(), "Hello, Lena", "Page 1 of")
	h.nextPage(t)
	test.Type(h.s.Answers.Reason, "My lower back since I lifted a sofa")
	test.Type(h.s.Answers.Began, "Three weeks ago")
	h.nextPage(t)
	test.Tap(h.s.Answers.Conditions[store.Osteoporosis].Yes)
	test.Tap(h.s.Answers.Conditions[store.Diabetes].No)
	for h.s.pages[h.s.At()].title != "Important questions (1 of 6)" {
		h.nextPage(t)
	}
	desktest.MustContain(t, "red flags in plain words", h.shown(), "where you would sit on a saddle")
	if strings.Contains(h.shown(), "cauda equina") {
		t.Error("the client reads clinical words")
	}
	for _, fl := range store.RedFlags {
		test.Tap(h.s.Answers.Flags[fl].No)
	}
	for !strings.HasPrefix(h.s.pages[h.s.At()].title, "Your consent") {
		h.nextPage(t)
	}
	test.Tap(h.s.Answers.GeneralConsent.Yes)
	h.nextPage(t)
	desktest.MustContain(t, "sensitive areas one by one", h.shown(), "Your buttocks", "Your belly")
	test.Tap(h.s.Answers.Areas[store.AreaGluteal].Yes)
	test.Tap(h.s.Answers.Areas[store.AreaAbdomen].No)
	h.nextPage(t)
	desktest.MustContain(t, "PSFS with its source", h.shown(), "Stratford P", "Physiotherapy Canada 1995")
	test.Type(h.s.Answers.Activities[0], "Gardening")
	test.Tap(h.s.Answers.ActivityScores[0].Buttons[4])
	h.nextPage(t)
	test.Tap(h.s.Answers.Pain.Buttons[6])
	h.nextPage(t)

	// the consent needs the signature: Finish says so and keeps nothing
	test.Tap(h.s.Next)
	if h.s.Finished() || !strings.Contains(h.s.Message.Text, "sign in the box") {
		t.Fatalf("finished unsigned: %q", h.s.Message.Text)
	}
	test.Type(h.s.Answers.Name, "Lena Fischer")
	h.sign(t)
	sig := h.s.Answers.Pad.Signature()
	if len(sig.Strokes) != 2 || sig.Points() != 4 || sig.Strokes[1][1].T <= sig.Strokes[0][0].T {
		t.Fatalf("the strokes drawn: %+v", sig)
	}
	near := func(a, b int) bool { return a-b <= 4 && b-a <= 4 }
	if first := sig.Strokes[0]; !near(first[0].X, 120) || !near(first[0].Y, 150) || first[1].X-first[0].X != 100 || first[1].Y-first[0].Y != -80 {
		t.Fatalf("the first stroke is not where the finger went: %+v", first)
	}
	test.Tap(h.s.Next)
	if !h.s.Finished() {
		t.Fatalf("not finished: %q", h.s.Message.Text)
	}
	desktest.MustContain(t, "thanks", h.shown(), "hand the device back")

	// kept whole, before the therapist has it back
	subs, err := h.store.Submissions(context.Background(), h.client.ID)
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions: %d %v", len(subs), err)
	}
	sub := subs[0]
	if sub.Intake.Conditions[store.Osteoporosis] != store.Yes("") || sub.Screen.Answers[store.SaddleNumbness] != store.No() ||
		!strings.Contains(store.AreaLabels(sub.Consent.Areas), "Gluteal region") || !strings.Contains(store.AreaLabels(sub.Consent.Excluded), "Abdomen") ||
		sub.Pain != 6 || sub.Measures[0].Items[0] != (store.MeasureItem{Item: "Gardening", Score: 4}) || sub.Signature.Text() != sig.Text() {
		t.Fatalf("the submission kept: %+v", sub)
	}

	// only the PIN gives the window back
	test.Tap(h.s.Therapist)
	test.Type(h.s.Lock.PIN, "1111")
	test.Tap(h.s.Lock.Unlock)
	if h.back || !strings.Contains(h.s.Lock.Message.Text, "not right") {
		t.Fatalf("a wrong PIN: back %v, %q", h.back, h.s.Lock.Message.Text)
	}
	for _, d := range []int{2, 4, 6, 8} {
		test.Tap(h.s.Lock.Keys[d])
	}
	test.Tap(h.s.Lock.Unlock)
	if !h.back || h.kept.UID != sub.UID || h.win.Content() != h.desk || h.win.MainMenu() == nil {
		t.Fatalf("the PIN did not give the desk back: back %v kept %q", h.back, h.kept.UID)
	}
}

func TestAWrongPINWaitsLongerEachTimeAndNeverLocksForGood(t *testing.T) {
	h := newHandOver(t, []store.FormKind{store.FormPain}, time.Hour)
	test.Tap(h.s.Therapist)
	l := h.s.Lock
	for range 3 {
		test.Type(l.PIN, "0000")
		test.Tap(l.Unlock)
	}
	if !l.Unlock.Disabled() || !strings.Contains(l.Message.Text, "Try again in 1 seconds") {
		t.Fatalf("the third wrong PIN: disabled %v, %q", l.Unlock.Disabled(), l.Message.Text)
	}
	test.Type(l.PIN, "2468")
	l.try() // Enter while waiting
	if h.back || !strings.Contains(l.Message.Text, "Please wait") {
		t.Fatalf("a try while waiting: back %v, %q", h.back, l.Message.Text)
	}
	h.elapse(time.Second)
	if l.Unlock.Disabled() {
		t.Fatal("the PIN stays locked after the wait")
	}
	l.PIN.SetText("")
	test.Type(l.PIN, "2468")
	test.Tap(l.Unlock)
	if h.back {
		t.Fatal("the desk came back before the therapist chose")
	}
	desktest.MustContain(t, "unfinished", h.shown(), "has not finished")
	test.Tap(l.ToDesk)
	if !h.back || h.win.Content() != h.desk {
		t.Fatal("Return to the desk")
	}
}

func TestTheScreenLocksWhenLeftAndKeepsTheAnswers(t *testing.T) {
	h := newHandOver(t, []store.FormKind{store.FormIntake}, IdleLock)
	h.nextPage(t)
	test.Type(h.s.Answers.Reason, "Stiff in the mornings")
	h.elapse(IdleLock - time.Second)
	if h.s.Lock.Shown() {
		t.Fatal("locked before ten minutes")
	}
	h.elapse(IdleLock)
	if !h.s.Lock.Shown() || h.s.Lock.Resume.Visible() {
		t.Fatalf("left alone: lock shown %v, a way back without the PIN %v", h.s.Lock.Shown(), h.s.Lock.Resume.Visible())
	}
	if strings.Contains(h.shown(), "Stiff in the mornings") {
		t.Fatal("the locked screen shows the client's answers")
	}
	test.Type(h.s.Lock.PIN, "2468")
	test.Tap(h.s.Lock.Unlock)
	test.Tap(h.s.Lock.ToClient)
	if h.s.Lock.Shown() || h.s.At() != 1 || h.s.Answers.Reason.Text != "Stiff in the mornings" {
		t.Fatalf("after unlocking: lock %v, page %d, answer %q", h.s.Lock.Shown(), h.s.At(), h.s.Answers.Reason.Text)
	}
}

func TestTheSignaturePadKeepsToItsBoundsAndClears(t *testing.T) {
	h := newHandOver(t, []store.FormKind{store.FormConsent}, time.Hour)
	pad := h.s.Answers.Pad
	for i := range store.SignatureMaxStrokes + 5 {
		pad.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(i), 10)})
	}
	if len(pad.Signature().Strokes) != store.SignatureMaxStrokes || !pad.TooLarge() {
		t.Fatalf("strokes kept: %d", len(pad.Signature().Strokes))
	}
	for h.s.At() < h.s.Pages()-1 {
		h.nextPage(t)
	}
	test.Tap(h.s.Next)
	if !strings.Contains(h.s.Message.Text, "too long to keep") {
		t.Fatalf("a signature at its bounds: %q", h.s.Message.Text)
	}
	test.Tap(h.s.Clear)
	if !pad.Signature().Empty() || pad.TooLarge() {
		t.Fatal("Clear left the signature")
	}
}

// The keyboard alone gets through: Tab reaches the buttons, Space and
// Enter press them.
func TestTheKeyboardMovesThroughThePages(t *testing.T) {
	h := newHandOver(t, []store.FormKind{store.FormPain}, time.Hour)
	c := h.win.Canvas()
	for range 20 {
		if c.Focused() == h.s.Next {
			break
		}
		test.FocusNext(c)
	}
	if c.Focused() != h.s.Next {
		t.Fatal("Tab does not reach Next")
	}
	h.s.Next.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.s.At() != 1 {
		t.Fatalf("the keyboard did not move on: page %d", h.s.At()+1)
	}
	h.s.Answers.Pain.Buttons[3].TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if h.s.Answers.Pain.value != 3 {
		t.Fatalf("pain by keyboard: %d", h.s.Answers.Pain.value)
	}
}

// Answers typed from a paper form carry its date: the consent was signed
// on paper, so none is drawn, and the record says where they came from.
func TestAnswersTypedFromAPaperFormAreMarkedAsFromItsDate(t *testing.T) {
	h := newHandOver(t, []store.FormKind{store.FormConsent}, time.Hour, time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local))
	test.Tap(h.s.Answers.GeneralConsent.Yes)
	for h.s.At() < h.s.Pages()-1 {
		h.nextPage(t)
	}
	test.Tap(h.s.Next)
	if !h.s.Finished() {
		t.Fatalf("a paper consent without a drawn signature: %q", h.s.Message.Text)
	}
	subs, _ := h.store.Submissions(context.Background(), h.client.ID)
	if len(subs) != 1 || !subs[0].FromPaper() || !strings.Contains(subs[0].Source(), "typed from the paper form of 2026-11-20") {
		t.Fatalf("the paper form's answers: %+v", subs)
	}
}
