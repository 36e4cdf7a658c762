// Package ui is Backtrack's desk: the window a therapist works in. It
// presents what store/ keeps and report/ prints; it holds no SQL.
package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"backtrack/store"
)

// Desk is the main window: client list beside the client view.
type Desk struct {
	app    fyne.App
	store  *store.Store
	window fyne.Window

	clients []store.ClientSummary
	list    *widget.List
}

// NewDesk builds the desk window over an open store.
func NewDesk(a fyne.App, s *store.Store) *Desk {
	d := &Desk{app: a, store: s, window: a.NewWindow("Backtrack")}
	d.list = widget.NewList(
		func() int { return len(d.clients) },
		func() fyne.CanvasObject { return widget.NewLabel("Client name") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(d.clients[i].FullName())
		})
	d.window.SetContent(d.list)
	d.window.Resize(fyne.NewSize(1280, 800))
	d.reload()
	return d
}

// Window is the desk's window.
func (d *Desk) Window() fyne.Window { return d.window }

func (d *Desk) reload() {
	clients, err := d.store.SearchClients(context.Background(), store.ClientQuery{})
	if err != nil {
		d.list.Hide()
		fmt.Println("load clients failed")
		return
	}
	d.clients = clients
	d.list.Refresh()
}
