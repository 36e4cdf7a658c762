package clientview

import (
	"time"

	"fyne.io/fyne/v2"

	"backtrack/store"
	"backtrack/ui/kit"
)

// Shell is what the client's page asks of the desk around it: the window
// and its background work, the one handle to the record and the clock, the
// Client list, and the desk's questions and dialogs. The desk passes itself
// (desk_shell.go); the page holds no pointer back to it.
type Shell interface {
	Window() fyne.Window
	Record() Record
	Tasks() *kit.Tasks
	Now() time.Time
	Preferences() fyne.Preferences
	Signer() string

	ReloadList()
	ShowInList(id int64)
	PickClient(id int64) bool
	ListedClient(id int64) (store.ClientSummary, bool)

	ShowError(what string, err error)
	UpdateActions()
	RefreshDrafts()
	WithVocabulary(fn func(map[store.Kind][]store.Term))
	ConfirmUnsaved(what string, answer func(kit.UnsavedChoice))
	Ask(title, message, okLabel string, onOK func())
	AskForSignerName()
	EditClient(c store.Client)
	ShowReport(c store.Client)
	GiveClientCopy(c store.Client)
	ShowNoteDialog(c store.Client, s store.Session)
}
