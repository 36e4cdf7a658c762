package recordkeeping

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
	"backtrack/ui/internal/words"
	"backtrack/ui/kit"
)

// recordHistory shows the audit log, a client's or the whole record's:
// every change, who made it and when, newest first.
type recordHistory struct {
	win     fyne.Window
	store   Record
	work    *kit.Tasks
	client  store.Client // zero: the whole record
	Entries []string     // the lines shown, newest first
	List    *widget.List
	Status  *widget.Label
	dialog  dialog.Dialog
	// measure wraps an entry off screen to find its row's height; heights
	// are the rows' heights set so far.
	measure *widget.Label
	heights map[widget.ListItemID]float32
}

func NewRecordHistory(win fyne.Window, s Record, work *kit.Tasks, c store.Client) *recordHistory {
	h := &recordHistory{win: win, store: s, work: work, client: c, Status: widget.NewLabel("Reading the record's history…")}
	h.List = widget.NewList(func() int { return len(h.Entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(h.Entries[i])
			h.fit(i, l)
		})
	h.measure = widget.NewLabel("")
	h.measure.Wrapping = fyne.TextWrapWord
	return h
}

// fit gives row i the height its wrapped entry takes at the row's width: a
// list's rows are one line high unless told, and a long entry ran over the
// next, the separator striking through its second line.
func (h *recordHistory) fit(i widget.ListItemID, row *widget.Label) {
	width := row.Size().Width
	if width <= 0 {
		width = h.List.Size().Width
	}
	if width <= 0 {
		return
	}
	h.measure.SetText(h.Entries[i])
	h.measure.Resize(fyne.NewSize(width, h.measure.MinSize().Height))
	need := h.measure.MinSize().Height
	if h.heights == nil {
		h.heights = map[widget.ListItemID]float32{}
	}
	if h.heights[i] != need {
		h.heights[i] = need
		h.List.SetItemHeight(i, need)
	}
}

func (h *recordHistory) Show() {
	title := "Record history"
	if h.client.ID != 0 {
		title = "Record history of " + h.client.FullName()
	}
	body := container.NewBorder(h.Status, nil, nil, nil, h.List)
	h.dialog = kit.ShowView(h.win, "record history", title, body, kit.DialogSize(h.win, 860, 560))
	h.load()
}

func (h *recordHistory) load() {
	s, uid := h.store, h.client.UID
	h.work.Run(func() func() {
		ctx := context.Background()
		entries, err := s.AuditLog(ctx, store.AuditQuery{ClientUID: uid})
		var labels map[string]string
		if err == nil {
			labels, err = s.RecordLabels(ctx)
		}
		return func() {
			if err != nil {
				h.Status.SetText(words.ErrorText(err))
				return
			}
			h.Entries = make([]string, 0, len(entries))
			for i := len(entries) - 1; i >= 0; i-- {
				h.Entries = append(h.Entries, historyLine(entries[i], labels))
			}
			h.Status.SetText(words.Plural(len(entries), "change recorded", "changes recorded") +
				", newest first. Each entry is sealed to the one before it, so a change made outside Backtrack shows.")
			h.List.Refresh()
		}
	})
}

// historyLine is one entry as the therapist reads it.
func historyLine(e store.AuditEntry, labels map[string]string) string {
	parts := []string{e.At.Format("2 Jan 2006 15:04"), e.Action.Words()}
	if label := labels[e.Record]; label != "" {
		parts = append(parts, label)
	}
	if e.Detail != "" {
		parts = append(parts, e.Detail)
	}
	parts = append(parts, "by "+e.Actor)
	if e.Origin != "" {
		parts = append(parts, "(brought by an import)")
	}
	return strings.Join(parts, " · ")
}
