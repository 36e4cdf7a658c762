package clientmode

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// page is one short page of the client's screen.
type page struct {
	title string
	body  fyne.CanvasObject
	// missing says what the client must do before going on ("" when
	// nothing): most questions may be left, a consent needs its signature.
	missing func() string
	// fit lays the page out for the window's size when it is shown; nil
	// for a page that flows the same at any size.
	fit func(fyne.Size)
}

// How many questions a page holds: few enough for a phone-sized tablet in
// portrait without scrolling far.
const questionsPerPage = 4

// answers are the widgets that hold what the client answered, page by
// page; a locked screen keeps them as they are.
type answers struct {
	Reason, Began  *widget.Entry
	Conditions     map[store.Condition]*yesNo
	Flags          map[store.RedFlag]*yesNo
	GeneralConsent *yesNo
	Areas          map[store.ConsentArea]*yesNo
	Activities     [3]*widget.Entry
	ActivityScores [3]*scale
	Pain           *scale
	Where          *whereItHurts
	Name           *widget.Entry
	Pad            *SignaturePad
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func small(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// buildPages lays out the forms of req as pages, filling a with their
// widgets.
func (s *Screen) buildPages(req Request, a *answers) []page {
	var pages []page
	touched := s.touched
	pages = append(pages, page{title: "Hello, " + req.Client.FirstName, body: container.NewVBox(
		wrapped(fmt.Sprintf("Your therapist has asked you to answer a few short pages: %s.", formsInWords(req.Forms))),
		wrapped("Answer what you can. Next and Back move between pages, and you can change any answer before you finish."),
		wrapped("Your answers go into your record only after your therapist has looked at them with you."),
	)})
	for _, f := range req.Forms {
		switch f {
		case store.FormIntake:
			a.Reason, a.Began = widget.NewMultiLineEntry(), widget.NewEntry()
			a.Reason.Wrapping = fyne.TextWrapWord
			a.Reason.SetMinRowsVisible(3)
			a.Reason.OnChanged = func(string) { touched() }
			a.Began.OnChanged = func(string) { touched() }
			pages = append(pages, page{title: "What brings you here", body: container.NewVBox(
				wrapped("What is the problem, in your own words?"), a.Reason,
				wrapped("When did it start?"), a.Began)})
			a.Conditions = map[store.Condition]*yesNo{}
			var qs []*yesNo
			for _, c := range store.Conditions {
				if c == store.OtherCondition {
					continue
				}
				a.Conditions[c] = newYesNo(c.ClientWords(), touched)
				qs = append(qs, a.Conditions[c])
			}
			pages = append(pages, questionPages("Your health", "Do you have, or have you had:", qs)...)
			a.Flags = map[store.RedFlag]*yesNo{}
			qs = nil
			for _, fl := range store.RedFlags {
				a.Flags[fl] = newYesNo(fl.ClientWords(), touched)
				qs = append(qs, a.Flags[fl])
			}
			pages = append(pages, questionPages("Important questions",
				"These check for rare but serious causes of back pain. Please answer each one. Do you have:", qs)...)
		case store.FormConsent:
			a.GeneralConsent = newYesNo("Massage of your back, neck and shoulders, arms, hands, legs, feet and head", touched)
			pages = append(pages, page{title: "Your consent", body: container.NewVBox(wrapped(store.ClientConsentWords),
				a.GeneralConsent.object())})
			a.Areas = map[store.ConsentArea]*yesNo{}
			qs := []*yesNo{}
			for _, area := range req.Areas {
				a.Areas[area] = newYesNo(area.ClientWords(), touched)
				qs = append(qs, a.Areas[area])
			}
			pages = append(pages, questionPages("Your consent, area by area",
				"Some areas are asked one by one. Say yes only if you are comfortable. Do you agree to massage of:", qs)...)
		case store.FormPSFS:
			rows := container.NewVBox(wrapped(store.PSFSClientQuestion))
			for i := range a.Activities {
				a.Activities[i] = widget.NewEntry()
				a.Activities[i].SetPlaceHolder(fmt.Sprintf("Activity %d", i+1))
				a.Activities[i].OnChanged = func(string) { touched() }
				a.ActivityScores[i] = newScale(touched)
				rows.Add(a.Activities[i])
				rows.Add(a.ActivityScores[i].object("0 cannot do it", "10 as before"))
			}
			rows.Add(small(store.PSFS.Citation()))
			pages = append(pages, page{title: "Activities", body: rows})
		case store.FormPain:
			a.Pain = newScale(touched)
			pages = append(pages, page{title: "Pain today", body: container.NewVBox(wrapped(store.PainClientQuestion),
				a.Pain.object("0 no pain", "10 the worst"))})
		case store.FormBodyChart:
			a.Where = newWhereItHurts(touched)
			pages = append(pages, page{title: "Where it hurts", body: a.Where.body, fit: a.Where.fit})
		}
	}
	a.Name = widget.NewEntry()
	a.Name.SetPlaceHolder("Your full name")
	a.Name.OnChanged = func(string) { touched() }
	a.Pad = NewSignaturePad(s.now)
	a.Pad.OnChanged = touched
	clear := newTarget("Clear and sign again", func() { a.Pad.Clear() })
	s.Clear = clear
	signWords := "Please type your name and sign with your finger, a stylus or the mouse."
	if slices.Contains(req.Forms, store.FormConsent) {
		signWords = store.ClientConsentWords + " " + signWords
	}
	pages = append(pages, page{title: "Your signature",
		body: container.NewVBox(wrapped(signWords), a.Name, container.NewCenter(a.Pad), container.NewHBox(clear)),
		missing: func() string {
			sig := a.Pad.Signature()
			switch {
			case a.Pad.TooLarge():
				return "The signature is too long to keep. Tap Clear and sign again."
			case slices.Contains(req.Forms, store.FormConsent) && sig.Empty() && req.PaperOn.IsZero():
				return "Please sign in the box to give your consent."
			case !sig.Empty() && strings.TrimSpace(a.Name.Text) == "":
				return "Please type your name beside your signature."
			}
			return ""
		}})
	return pages
}

// questionPages splits questions over pages of questionsPerPage.
func questionPages(title, lead string, qs []*yesNo) []page {
	var out []page
	for start := 0; start < len(qs); start += questionsPerPage {
		box := container.NewVBox(wrapped(lead))
		for _, q := range qs[start:min(start+questionsPerPage, len(qs))] {
			box.Add(q.object())
		}
		t := title
		if len(qs) > questionsPerPage {
			t = fmt.Sprintf("%s (%d of %d)", title, start/questionsPerPage+1, (len(qs)+questionsPerPage-1)/questionsPerPage)
		}
		out = append(out, page{title: t, body: box})
	}
	return out
}

// formsInWords is "your health, your consent and pain today".
func formsInWords(forms []store.FormKind) string {
	var words []string
	for _, f := range forms {
		switch f {
		case store.FormIntake:
			words = append(words, "your health")
		case store.FormConsent:
			words = append(words, "your consent")
		case store.FormPSFS:
			words = append(words, "activities your back makes hard")
		case store.FormPain:
			words = append(words, "pain today")
		case store.FormBodyChart:
			words = append(words, "where it hurts")
		}
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
