package ui

import (
	"strings"

	"fyne.io/fyne/v2"

	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui/kit"
)

// RecordsToOpen is where the desk's records are at start: --db when given,
// else the practice server named in Settings, else the file in the app's
// folder.
func RecordsToOpen(a fyne.App, db string) string {
	if db != "" {
		return db
	}
	if server := strings.TrimSpace(a.Preferences().String(settings.KeyPracticeServer)); server != "" {
		return server
	}
	return settings.DefaultDBPath()
}

// keepServer saves the practice server's address from Settings, or shows
// under the field why it cannot be kept (a password in it, not an
// address) and keeps the dialog open. A new address is used at the next
// start, which the desk says once Settings close (nextStart): the records
// open now stay open.
func (d *Desk) keepServer(s *Settings) (kept bool, nextStart func()) {
	server := strings.TrimSpace(s.Server.Text)
	if server != "" {
		if err := sqlstore.CheckServerAddress(server); err != nil {
			s.ServerError.ShowText(capitalised(err.Error()) + ".")
			s.dialog.Refresh()
			return false, nil
		}
	}
	s.ServerError.ShowText("")
	prefs := d.app.Preferences()
	if server == prefs.String(settings.KeyPracticeServer) {
		return true, func() {}
	}
	prefs.SetString(settings.KeyPracticeServer, server)
	where := "this computer's file"
	if server != "" {
		where = "the practice server " + sqlstore.RedactServerAddress(server)
	}
	return true, func() {
		kit.Inform(d.window, "Practice server", "Backtrack opens "+where+" at its next start.")
	}
}

func capitalised(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
