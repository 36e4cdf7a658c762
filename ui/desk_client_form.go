package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"backtrack/store"
	"backtrack/ui/clientview"
	"backtrack/ui/kit"
)

// newClient opens the form for a new client.
func (d *Desk) newClient() { d.leaveAll(func() { d.openClientForm(store.Client{}) }) }

// EditClient opens the form on an existing client.
func (d *Desk) EditClient(c store.Client) { d.openClientForm(c) }

func (d *Desk) openClientForm(c store.Client) {
	if d.clientForm != nil {
		return
	}
	f := clientview.NewClientForm(d.store, d.tasks, c)
	title := "New client"
	if c.ID != 0 {
		title = "Edit " + c.FullName()
	}
	f.Dialog = dialog.NewCustomWithoutButtons(title, f.Content, d.window)
	f.OnCancel = func() {
		if !f.Dirty() {
			d.closeClientForm()
			return
		}
		d.ConfirmUnsaved("This client", func(choice kit.UnsavedChoice) {
			switch choice {
			case kit.DiscardChanges:
				d.closeClientForm()
			case kit.SaveChanges:
				f.Submit()
			}
		})
	}
	f.OnSaved = func(saved store.Client) {
		d.closeClientForm()
		d.hideWelcome()
		d.list.Show(saved.ID)
		if c.ID == 0 && d.list.Search.Text != "" {
			d.list.Search.SetText("") // a new client must not hide behind an old search; reloads
		} else {
			d.list.Reload()
		}
		if c.ID != 0 && d.view.Client().ID == saved.ID {
			// The client on screen was corrected: refresh what is shown,
			// keeping a session note being written.
			d.view.Load(saved.ID, d.view.Mode())
			return
		}
		d.view.Show(saved.ID)
	}
	f.Saving.Retry.Alive = func() bool { return d.clientForm == f }
	d.clientForm = f
	f.Dialog.Resize(fyne.NewSize(620, 640))
	// the form asks about its own unsaved changes, offering to save them
	kit.ShowLayer(d.window, "client form", f.Dialog, kit.Layer{Save: f.Submit, Escape: f.OnCancel, Focus: f.FirstName})
	d.UpdateActions()
}

func (d *Desk) closeClientForm() {
	if d.clientForm == nil {
		return
	}
	d.clientForm.Saving.Retry.Stop()
	d.clientForm.Dialog.Hide()
	d.clientForm = nil
	d.UpdateActions()
}
