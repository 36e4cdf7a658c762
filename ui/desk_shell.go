package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/kit"
)

// What the desk gives the client's page (ClientView's Shell): each is read
// when asked, so a switch of records or a changed setting reaches the page
// without copying the handle into it.

// Record is the one handle to the record the desk holds.
func (d *Desk) Record() clientview.Record { return d.store }

// Tasks runs the desk's background work.
func (d *Desk) Tasks() *kit.Tasks { return d.tasks }

// Now is the desk's clock.
func (d *Desk) Now() time.Time { return d.now() }

// Preferences are the desk's settings.
func (d *Desk) Preferences() fyne.Preferences { return d.app.Preferences() }

// Signer is the therapist who signs from this desk ("" when unnamed).
func (d *Desk) Signer() string { return signer(d.app.Preferences()) }

// ReloadList reloads the client list.
func (d *Desk) ReloadList() { d.list.Reload() }

// ShowInList scrolls the client list to the client.
func (d *Desk) ShowInList(id int64) { d.list.Show(id) }

// ListedClient is the client the list holds with that id.
func (d *Desk) ListedClient(id int64) (store.ClientSummary, bool) {
	for _, r := range d.list.Rows() {
		if r.ID == id {
			return r, true
		}
	}
	return store.ClientSummary{}, false
}
