package clientview

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// Sort choices, as the list's drop-down shows them.
const (
	sortByLastVisit = "Last visit"
	SortByName      = "Name"
	SortByVisits    = "Visits"
)

// What the search looks in, as its switch shows them.
const (
	SearchNames = "Names"
	SearchNotes = "Notes"
)

var searchHints = map[string]string{
	SearchNames: "Search name, phone or email",
	SearchNotes: "Search notes and medical history",
}

// ClientList is the left column: search as you type, sort, archived
// clients behind a toggle, one row per client with their last visit.
type ClientList struct {
	// record is the desk's one handle, asked each time: the desk may
	// switch records under the list
	record func() ListRecord
	tasks  *kit.Tasks
	now    func() time.Time

	Search   *kit.Entry
	In       *widget.RadioGroup // names (phone, email) or notes
	Sort     *widget.Select
	Archived *widget.Check
	List     *kit.List
	Status   *widget.Label // "2000 clients", "3 found", "No client matches …"

	rows []store.ClientSummary
	// sharedNames are the names more than one row has: those rows say
	// who is who (born …, else phone or email).
	sharedNames map[string]bool
	selected    int64 // the client shown on the right, 0 for none
	// quiet is set while the list is re-selected by code, so OnSelected
	// does not treat it as the therapist picking a client.
	quiet bool
	loads kit.Latest

	// OnSelect is called when the therapist picks a client. It returns false
	// to refuse (unsaved changes kept), and the list goes back to the client
	// that was shown.
	OnSelect func(id int64) bool

	InRow   fyne.CanvasObject // "Search in" names or notes
	Content fyne.CanvasObject
}

func NewClientList(record func() ListRecord, t *kit.Tasks, now func() time.Time) *ClientList {
	l := &ClientList{record: record, tasks: t, now: now}
	l.Search = kit.NewEntry(searchHints[SearchNames])
	l.Search.OnChanged = func(string) { l.Reload() }
	l.Search.OnSubmitted = func(string) { l.pickFirst() }
	l.Search.OnEscape = func() { l.Search.SetText("") }
	l.Search.OnDown = l.focusList
	l.In = widget.NewRadioGroup([]string{SearchNames, SearchNotes}, func(in string) {
		if in == "" {
			l.In.SetSelected(SearchNames) // one of the two is always on
			return
		}
		l.Search.SetPlaceHolder(searchHints[in])
		l.Reload()
	})
	l.In.Horizontal = true
	l.In.Selected = SearchNames
	l.Sort = widget.NewSelect([]string{sortByLastVisit, SortByName, SortByVisits}, func(string) { l.Reload() })
	l.Sort.Selected = sortByLastVisit
	l.Archived = widget.NewCheck("Show archived", func(bool) { l.Reload() })
	l.Status = widget.NewLabel("")
	l.Status.SizeName = theme.SizeNameCaptionText
	l.List = kit.NewList(
		func() int { return len(l.rows) },
		NewClientRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(l.rows) {
				o.(*ClientRow).show(l.rows[i], l.now(), l.Sort.Selected == SortByName, l.sharedNames[strings.ToLower(l.rows[i].FullName())])
				if !l.record().ReadsNotes() {
					o.(*ClientRow).setVisit(contactLine(l.rows[i].Client)) // the front desk has no visits to show
				}
			}
		})
	l.List.OnSelected = l.onSelected

	tools := container.NewBorder(nil, nil, widget.NewLabel("Sort"), l.Archived, l.Sort)
	in := container.NewBorder(nil, nil, widget.NewLabel("Search in"), nil, l.In)
	l.InRow = in
	top := container.NewVBox(l.Search, in, tools, l.Status)
	l.Content = container.NewBorder(top, nil, nil, nil, container.New(&selectedInView{l: l}, l.List))
	return l
}

// selectedInView lays the list out and, when it gets shorter (the notes to
// sign or the backup line appearing below it, the window made smaller),
// scrolls the client shown back fully into view: a row scrolled to while
// the list was taller would otherwise be cut at the bottom.
type selectedInView struct {
	l      *ClientList
	height float32
}

func (k *selectedInView) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

func (k *selectedInView) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Resize(size)
	shrunk := size.Height < k.height
	k.height = size.Height
	if !shrunk {
		return
	}
	for i, r := range k.l.rows {
		if r.ID == k.l.selected {
			k.l.List.ScrollTo(i)
			return
		}
	}
}

// Reload queries the clients again with the current search, sort and
// archived toggle. Only the newest query's answer is shown.
func (l *ClientList) Reload() { l.reload(false) }

// Update is Reload after another desk's change: the list stays scrolled
// where the therapist left it.
func (l *ClientList) Update() { l.reload(true) }

func (l *ClientList) reload(keepScroll bool) {
	// one row more than the list shows says whether there are more
	q := store.ClientQuery{Text: l.Search.Text, InNotes: l.In.Selected == SearchNotes,
		IncludeArchived: l.Archived.Checked, Order: store.ByLastVisit, Limit: store.ListRows + 1}
	switch l.Sort.Selected {
	case SortByName:
		q.Order = store.ByName
	case SortByVisits:
		q.Order = store.ByVisits
	}
	s := l.record() // read on the UI goroutine: the desk may switch records before the query runs
	type found struct {
		rows     []store.ClientSummary
		archived bool // the list is empty only because the rest are archived
	}
	kit.LoadLatest(l.tasks, &l.loads, func(ctx context.Context) (found, error) {
		rows, err := s.SearchClients(ctx, q)
		if err != nil || len(rows) > 0 || q.IncludeArchived {
			return found{rows: rows}, err
		}
		all, err := s.SearchClients(ctx, store.ClientQuery{Text: q.Text, IncludeArchived: true, Limit: 1})
		return found{archived: len(all) > 0}, err
	}, func(f found, err error) {
		rows := f.rows
		if err != nil {
			l.Status.SetText("Could not load the clients. " + words.ErrorText(err))
			l.Status.Importance = widget.DangerImportance
			return
		}
		l.Status.Importance = widget.MediumImportance
		more := len(rows) > store.ListRows
		if more {
			rows = rows[:store.ListRows]
		}
		l.rows = rows
		l.sharedNames = sharedNames(rows)
		l.Status.SetText(l.statusText(q, f.archived, more))
		offset := l.List.GetScrollOffset()
		l.List.Refresh()
		l.reselect()
		if keepScroll {
			l.List.ScrollToOffset(offset)
		}
	})
}

func (l *ClientList) statusText(q store.ClientQuery, archivedOnly, more bool) string {
	n := len(l.rows)
	switch {
	case more && q.Text != "":
		return fmt.Sprintf("The first %d matches · type more to narrow them", n)
	case more:
		return fmt.Sprintf("The first %d clients · type a name to find any other", n)
	case n == 0 && archivedOnly && q.Text != "":
		return fmt.Sprintf("Only archived clients match “%s” · tick Show archived", q.Text)
	case n == 0 && archivedOnly:
		return "Every client is archived · tick Show archived to see them"
	case q.InNotes && q.Text != "" && n == 0:
		return fmt.Sprintf("No notes mention “%s”", q.Text)
	case q.InNotes && q.Text != "":
		return fmt.Sprintf("%s whose notes mention “%s” · Enter opens the first", words.Plural(n, "client", "clients"), q.Text)
	case q.Text != "" && n == 0:
		return fmt.Sprintf("No client matches “%s”", q.Text)
	case q.Text != "":
		return words.Plural(n, "client found", "clients found") + " · Enter opens the first"
	case n == 0:
		return "No clients yet"
	default:
		return words.Plural(n, "client", "clients")
	}
}

// Rows is what the list shows now, in order.
func (l *ClientList) Rows() []store.ClientSummary { return l.rows }

// Selected is the client shown on the right, or 0.
func (l *ClientList) Selected() int64 { return l.selected }

func (l *ClientList) onSelected(i widget.ListItemID) {
	if l.quiet || i >= len(l.rows) {
		return
	}
	id := l.rows[i].ID
	if id == l.selected {
		return
	}
	if l.OnSelect != nil && !l.OnSelect(id) {
		l.reselect()
		return
	}
	l.selected = id
}

// Forget drops the client on the right, as records switched under the
// list show none.
func (l *ClientList) Forget() { l.selected = 0 }

// Show marks id as the client on the right without asking anyone.
func (l *ClientList) Show(id int64) {
	l.selected = id
	l.reselect()
}

// reselect highlights the shown client's row, or nothing if it is not in
// the list (filtered out by the search).
func (l *ClientList) reselect() {
	l.quiet = true
	defer func() { l.quiet = false }()
	for i, r := range l.rows {
		if r.ID == l.selected {
			l.List.Select(i)
			l.List.ScrollTo(i)
			return
		}
	}
	l.List.UnselectAll()
}

// pickFirst opens the first match: Ctrl+F, a few letters, Enter.
func (l *ClientList) pickFirst() {
	if len(l.rows) > 0 {
		l.List.Select(0)
	}
}

// focusList moves the keyboard from the search into the list, where the
// arrows move and Space or Enter opens a client.
func (l *ClientList) focusList() {
	if len(l.rows) == 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.List); c != nil {
		c.Focus(l.List)
	}
}

// ClientRow is one line of the list: name (with a red mark for clients
// with contraindications) over "14 Nov · 4→2 · 8 visits".
type ClientRow struct {
	widget.BaseWidget
	Name  *widget.Label
	Visit *kit.SecondaryText
	alert *widget.Icon // red: a red flag to refer or a contraindication
	amber *widget.Icon // amber: precautions, allergies, medications
}

func NewClientRow() fyne.CanvasObject {
	r := &ClientRow{
		Name:  widget.NewLabelWithStyle("Client name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		Visit: kit.NewSecondaryText(),
		alert: widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())),
		amber: widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())),
	}
	r.Name.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// sharedNames lists the names (case and spacing aside) more than one of
// rows has.
func sharedNames(rows []store.ClientSummary) map[string]bool {
	seen := make(map[string]bool, len(rows))
	shared := map[string]bool{}
	for _, r := range rows {
		key := strings.ToLower(r.FullName())
		if seen[key] {
			shared[key] = true
		}
		seen[key] = true
	}
	return shared
}

// show fills the row; sorted by name it reads "Last, First" so the order
// is visible at a glance. A name another row shares says who is who before
// the last visit: "born 4 Mar 1985 · 14 Nov · 4→2".
func (r *ClientRow) show(c store.ClientSummary, now time.Time, lastFirst, nameShared bool) {
	name := c.FullName()
	if lastFirst && c.LastName != "" {
		name = c.LastName + ", " + c.FirstName
	}
	if c.Archived {
		name += " (archived)"
	}
	r.setName(name)
	visit := kit.LastVisitSummary(c, now)
	if d := kit.ClientDetail(c.Client); nameShared && d != "" {
		// who comes first; the visit count gives way so the line is not
		// cut ("23 vi…"): it is on the client's page
		visit = d
		if c.LastVisit.IsZero() {
			visit += " · No visits yet"
		} else {
			visit += " · " + kit.ShortDate(c.LastVisit, now) + " · " + kit.PainChange(c.LastPainBefore, c.LastPainAfter)
		}
	}
	if c.Snippet != "" {
		// found in the notes: the words that matched say why
		visit = "“" + c.Snippet + "”"
	}
	r.setVisit(visit)
	r.alert.Hide()
	r.amber.Hide()
	switch {
	case c.Alert >= store.Red:
		r.alert.Show()
	case c.Alert == store.Amber:
		r.amber.Show()
	}
}

func (r *ClientRow) CreateRenderer() fyne.WidgetRenderer {
	lines := container.New(&rowLines{r: r}, r.Name, r.Visit)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewStack(r.alert, r.amber), lines))
}

// contactLine is the front desk's second line of a client's row: phone and
// email, where a therapist sees the last visit.
func contactLine(c store.Client) string {
	switch {
	case c.Phone != "" && c.Email != "":
		return c.Phone + " · " + c.Email
	case c.Phone != "":
		return c.Phone
	case c.Email != "":
		return c.Email
	}
	return "No phone or email recorded"
}
