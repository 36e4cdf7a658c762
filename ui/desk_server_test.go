package ui

import (
	"testing"

	"backtrack/store/settings"
	"backtrack/ui/internal/desktest"
)

func TestThePracticeServerInSettingsOpensAtTheNextStartWithoutItsPassword(t *testing.T) {
	d, _, _ := deskWithClient(t)
	prefs := d.app.Preferences()
	if got := RecordsToOpen(d.app, ""); got != settings.DefaultDBPath() {
		t.Errorf("with nothing set the desk opens %q, want the file", got)
	}

	// when the therapist types an address with a password in it
	press(t, d, shortcutSettings)
	st := d.settings
	typeInto(d, st.Server, "postgres://anna:secret@clinic.local/backtrack?sslmode=verify-full")
	tap(d, st.Save)
	// then it is refused at the field, and nothing is kept
	desktest.MustContain(t, "server field", st.ServerError.Text, "Leave the password out", ".pgpass")
	if got := prefs.String(settings.KeyPracticeServer); got != "" {
		t.Errorf("kept %q", got)
	}

	// when the address has no password
	typeInto(d, st.Server, "postgres://anna@clinic.local/backtrack?sslmode=verify-full")
	tap(d, st.Save)
	// then it is kept, and the next start opens it unless --db says otherwise
	if got := prefs.String(settings.KeyPracticeServer); got != "postgres://anna@clinic.local/backtrack?sslmode=verify-full" {
		t.Errorf("kept %q", got)
	}
	if got := RecordsToOpen(d.app, ""); got != "postgres://anna@clinic.local/backtrack?sslmode=verify-full" {
		t.Errorf("the next start opens %q", got)
	}
	if got := RecordsToOpen(d.app, "/tmp/other.db"); got != "/tmp/other.db" {
		t.Errorf("--db gives way to Settings: %q", got)
	}
	desktest.MustContain(t, "notice", drawnText(d.window.Canvas().Overlays().Top()), "at its next start")
}
