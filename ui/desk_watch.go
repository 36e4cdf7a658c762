package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"backtrack/store/sqlstore"
)

// What other desks commit to the records on screen shows here without a
// reload: the client list refreshes where it stands (search, selection,
// scroll), the open client's brief and history refresh when their record
// changed, and a form being typed into is never replaced: if its record
// changed meanwhile, saving it says so (store.StaleError) and keeps the
// text. The desk's own saves are not reported back (sqlstore.Watch), so
// they cause no second refresh.

// StartWatching follows other desks' changes to the records on screen,
// until Close (and across a switch to other records).
func (d *Desk) StartWatching() {
	d.watching = true
	d.watchStore()
}

// watchStore (re)starts the watch on the store now on screen.
func (d *Desk) watchStore() {
	d.stopWatching()
	if !d.watching {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.stopWatch = cancel
	s := d.store
	changes := s.Watch(ctx)
	go func() {
		for c := range changes {
			fyne.Do(func() {
				d.tasks.OnUI(func() {
					if d.store == s {
						d.otherDeskChanged(c)
					}
				})
			})
		}
	}()
}

func (d *Desk) stopWatching() {
	if d.stopWatch != nil {
		d.stopWatch()
		d.stopWatch = nil
	}
}

// otherDeskChanged brings what is shown up to date after another desk's
// commit.
func (d *Desk) otherDeskChanged(c sqlstore.Change) {
	if d.Welcoming() {
		d.start() // the first client may have arrived: the list replaces the welcome
		return
	}
	d.list.Update()
	d.RefreshDrafts()
	d.view.RefreshDue()
	if id := d.view.Client().ID; id != 0 && c.Concerns(d.view.Client().UID) {
		d.view.OtherDeskChanged(id)
	}
}
