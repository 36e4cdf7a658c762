package xlayout

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Masthead is a page's title, a line of details and a row of actions on
// as few lines as the width allows: the title and the actions on one line
// and the details below; where the actions do not fit beside the title,
// the details go beside it and the actions below; only where neither fits,
// three lines. Every line a short window saves is a line of what is read
// below it. Its height follows its width.
type Masthead struct {
	widget.BaseWidget
	title, details, actions fyne.CanvasObject
	// titleNeeds and detailsNeed are the widths they take whole: a
	// truncating label asks for none.
	titleNeeds, detailsNeed func() float32
	width                   float32
}

// NewMasthead lays out title, details and actions.
func NewMasthead(title, details, actions fyne.CanvasObject, titleNeeds, detailsNeed func() float32) *Masthead {
	m := &Masthead{title: title, details: details, actions: actions, titleNeeds: titleNeeds, detailsNeed: detailsNeed}
	m.ExtendBaseWidget(m)
	return m
}

// MastheadArrangement is how a masthead's parts share its lines.
type MastheadArrangement int

const (
	ActionsBesideTitle MastheadArrangement = iota
	DetailsBesideTitle
	ThreeLines
)

func (m *Masthead) gap() float32 { return theme.Padding() * 2 }

// actionsWidth is the width the actions take: none while they are hidden
// (a hidden box still reports its minimum size), so the title then has
// the whole line.
func (m *Masthead) actionsWidth() float32 {
	if !m.actions.Visible() {
		return 0
	}
	return m.actions.MinSize().Width + m.gap()
}

// Arrangement is how the parts sit at width.
func (m *Masthead) Arrangement(width float32) MastheadArrangement {
	title := m.titleNeeds()
	switch {
	case !m.actions.Visible() || title+m.gap()+m.actions.MinSize().Width <= width:
		return ActionsBesideTitle
	case !m.details.Visible() || title+m.gap()+m.detailsNeed() <= width:
		return DetailsBesideTitle
	default:
		return ThreeLines
	}
}

func (m *Masthead) Resize(size fyne.Size) {
	resizeByWidth(&m.BaseWidget, &m.width, size, m.Arrangement)
}

func (m *Masthead) CreateRenderer() fyne.WidgetRenderer { return &mastheadRenderer{m: m} }

type mastheadRenderer struct{ m *Masthead }

// overlap is how much closer two lines of labels sit than their own
// padding would put them, as TightVBox.
func (r *mastheadRenderer) overlap() float32 { return theme.InnerPadding() * 0.75 }

func (r *mastheadRenderer) heights() (title, details, actions float32) {
	title = r.m.title.MinSize().Height
	if r.m.details.Visible() {
		details = r.m.details.MinSize().Height
	}
	if r.m.actions.Visible() {
		actions = r.m.actions.MinSize().Height
	}
	return title, details, actions
}

func (r *mastheadRenderer) MinSize() fyne.Size {
	title, details, actions := r.heights()
	w := r.m.titleNeeds()
	switch r.m.Arrangement(r.m.width) {
	case ActionsBesideTitle:
		return fyne.NewSize(w, max(title, actions)+details-r.overlap())
	case DetailsBesideTitle:
		return fyne.NewSize(w, max(title, details)+actions)
	default:
		return fyne.NewSize(w, title+actions+details-r.overlap())
	}
}

func (r *mastheadRenderer) Layout(size fyne.Size) {
	m := r.m
	arrangement := m.Arrangement(size.Width)
	// A title too long for its line wraps: it takes its width first, so
	// the height it asks for is that of its wrapped lines.
	if arrangement == ActionsBesideTitle {
		m.title.Resize(fyne.NewSize(size.Width-m.actionsWidth(), m.title.MinSize().Height))
	} else {
		m.title.Resize(fyne.NewSize(min(m.titleNeeds(), size.Width), m.title.MinSize().Height))
	}
	title, details, actions := r.heights()
	aw := m.actions.MinSize().Width
	switch arrangement {
	case ActionsBesideTitle:
		line := max(title, actions)
		m.title.Move(fyne.NewPos(0, (line-title)/2))
		m.title.Resize(fyne.NewSize(size.Width-m.actionsWidth(), title))
		m.actions.Move(fyne.NewPos(size.Width-aw, (line-actions)/2))
		m.actions.Resize(fyne.NewSize(aw, actions))
		m.details.Move(fyne.NewPos(0, line-r.overlap()))
		m.details.Resize(fyne.NewSize(size.Width, details))
	case DetailsBesideTitle:
		line := max(title, details)
		tw := min(m.titleNeeds(), size.Width)
		m.title.Move(fyne.NewPos(0, (line-title)/2))
		m.title.Resize(fyne.NewSize(tw, title))
		// the details' baseline near the title's: both sit at the line's foot
		m.details.Move(fyne.NewPos(tw+m.gap(), line-details))
		m.details.Resize(fyne.NewSize(size.Width-tw-m.gap(), details))
		m.actions.Move(fyne.NewPos(0, line))
		m.actions.Resize(fyne.NewSize(min(aw, size.Width), actions))
	default:
		m.title.Move(fyne.NewPos(0, 0))
		m.title.Resize(fyne.NewSize(size.Width, title))
		m.actions.Move(fyne.NewPos(0, title))
		m.actions.Resize(fyne.NewSize(min(aw, size.Width), actions))
		m.details.Move(fyne.NewPos(0, title+actions-r.overlap()))
		m.details.Resize(fyne.NewSize(size.Width, details))
	}
}

func (r *mastheadRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.m.title, r.m.details, r.m.actions}
}

func (r *mastheadRenderer) Refresh() {
	r.Layout(r.m.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *mastheadRenderer) Destroy() {}
