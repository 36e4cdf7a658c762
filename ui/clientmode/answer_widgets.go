package clientmode

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/kit"
)

// yesNo is one question with a Yes and a No button the size of a finger;
// the chosen one is filled. A question not touched stays "not asked".
type yesNo struct {
	Question *widget.Label
	Yes, No  *kit.Button
	state    store.AnswerState
	touched  func()
}

func newYesNo(question string, touched func()) *yesNo {
	q := &yesNo{Question: widget.NewLabel(question), touched: touched}
	q.Question.Wrapping = fyne.TextWrapWord
	q.Yes = kit.NewButton("Yes", func() { q.set(store.AnsweredYes) })
	q.No = kit.NewButton("No", func() { q.set(store.AnsweredNo) })
	return q
}

func (q *yesNo) set(s store.AnswerState) {
	q.state = s
	q.show()
	q.touched()
}

func (q *yesNo) show() {
	q.Yes.Importance, q.No.Importance = widget.MediumImportance, widget.MediumImportance
	switch q.state {
	case store.AnsweredYes:
		q.Yes.Importance = widget.HighImportance
	case store.AnsweredNo:
		q.No.Importance = widget.HighImportance
	}
	q.Yes.Refresh()
	q.No.Refresh()
}

// Answer is the answer as the record keeps it.
func (q *yesNo) Answer() store.Answer { return store.Answer{State: q.state} }

func (q *yesNo) object() fyne.CanvasObject {
	buttons := container.NewGridWithColumns(2, q.Yes, q.No)
	// a fixed size: asking the buttons theirs here would measure them in
	// the desk's theme, before the large one reaches them
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(280, targetHeight), buttons), q.Question)
}

// targetHeight is the height of a Yes or No: well over the 44 px a finger
// needs.
const targetHeight = 60

// scale is a 0-10 rating as eleven buttons in a row.
type scale struct {
	Buttons [11]*kit.Button
	value   int // -1 until chosen
	touched func()
}

func newScale(touched func()) *scale {
	s := &scale{value: -1, touched: touched}
	for i := range s.Buttons {
		s.Buttons[i] = kit.NewButton(strconv.Itoa(i), func() { s.set(i) })
	}
	return s
}

func (s *scale) set(v int) {
	s.value = v
	for i, b := range s.Buttons {
		b.Importance = widget.MediumImportance
		if i == v {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	s.touched()
}

func (s *scale) object(low, high string) fyne.CanvasObject {
	row := container.NewGridWithColumns(11)
	for _, b := range s.Buttons {
		row.Add(b)
	}
	ends := container.NewBorder(nil, nil, widget.NewLabel(low), widget.NewLabel(high))
	return container.NewVBox(row, ends)
}
