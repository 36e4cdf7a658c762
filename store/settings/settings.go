// Package settings is Backtrack's configuration in one place: the app ID,
// where the data lives, the preference keys the desk saves the practice
// details under and the paper size, read alike by the desk, the command
// line and the report. It imports no GUI toolkit: the desk keeps these keys
// in Fyne's preferences, the command line reads Fyne's preferences file.
package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"backtrack/store"
)

// AppID is Backtrack's application ID, as in FyneApp.toml.
const AppID = "org.backtrack.desk"

// DataDir is the folder the desk keeps its database and preferences in:
// Fyne's storage folder for the app ID, where Fyne puts it on each system,
// so the command line finds the desk's database and preferences.
func DataDir() string {
	home, _ := os.UserHomeDir()
	config, _ := os.UserConfigDir()
	return filepath.Join(fyneRoot(runtime.GOOS, home, config), AppID)
}

// fyneRoot is Fyne 2.7's own choice of folder (fyne/internal/app's
// rootConfigDir): %USERPROFILE%\AppData\Roaming\fyne on Windows,
// ~/Library/Preferences/fyne on macOS, $XDG_CONFIG_HOME/fyne (usually
// ~/.config/fyne) elsewhere. Not os.UserConfigDir everywhere: on a Mac
// that is ~/Library/Application Support, where the desk never looks.
func fyneRoot(goos, home, config string) string {
	join := filepath.Join
	if goos == "windows" {
		join = windowsJoin
	}
	switch {
	case goos == "windows" && home != "":
		return join(home, "AppData", "Roaming", "fyne")
	case goos == "darwin" && home != "":
		return join(home, "Library", "Preferences", "fyne")
	case config != "":
		return join(config, "fyne")
	case home != "":
		return join(home, ".config", "fyne")
	}
	return "fyne"
}

// windowsJoin joins with backslashes, so the Windows folder can be
// checked on any system.
func windowsJoin(parts ...string) string {
	if runtime.GOOS == "windows" {
		return filepath.Join(parts...)
	}
	return strings.Join(parts, "\\")
}

// DefaultDBPath is the database the desk and every command open when no
// --db is given.
func DefaultDBPath() string { return filepath.Join(DataDir(), "backtrack.db") }

// AnchorsDir is the folder where Backtrack keeps, outside every database,
// the last head of each record's history it saw (package anchor).
func AnchorsDir() string { return filepath.Join(DataDir(), "anchors") }

// PreferencesPath is the desk's Fyne preferences file, where it keeps the
// practice details a report prints.
func PreferencesPath() string { return filepath.Join(DataDir(), "preferences.json") }

// Preference keys under which the desk keeps the practice details. The
// command line reads the same keys from the preferences file, so a report
// looks the same whichever way it was made.
const (
	KeyPracticeName = "practice.name"
	KeyTherapist    = "practice.therapist"
	KeyCredentials  = "practice.credentials"
	KeyAddress      = "practice.address"
	KeyContact      = "practice.contact"
	KeyPageSize     = "report.page_size" // "A4" or "Letter"
	// KeyPracticeServer is the practice server the desk opens at start
	// when no --db is given (a postgres:// DSN without its password), ""
	// for the file in DataDir.
	KeyPracticeServer = "practice.server"
	// KeyRegulator is the consent rule for sensitive areas
	// (store.ParseRegulator): "ontario", the default, or "verbal_allowed".
	KeyRegulator = "practice.regulator"
	// KeyClientPIN is the PIN that takes the device back from the client's
	// screen, as pin.Hash keeps it (a salted Argon2id hash, never the
	// PIN).
	KeyClientPIN = "practice.client_screen_pin"
)

// PageSize is the paper a report is laid out for.
type PageSize string

// The supported paper sizes; A4 is the default.
const (
	A4     PageSize = "A4"
	Letter PageSize = "Letter"
)

// PageSizes lists the sizes in the order a chooser shows them.
var PageSizes = []PageSize{A4, Letter}

// ParsePageSize reads "A4" or "Letter" in any case; "" means A4.
func ParsePageSize(s string) (PageSize, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return A4, nil
	case "letter", "us-letter", "us letter":
		return Letter, nil
	}
	return "", fmt.Errorf("page size %q: choose A4 or Letter", s)
}

// Preferences are the saved settings a report needs.
type Preferences struct {
	Practice  store.Practice
	PageSize  PageSize
	Regulator store.Regulator // whether verbal consent may be recorded for a sensitive area
}

// Read turns saved values into Preferences; get returns the value saved
// under a key ("" when none). A bad saved paper size gives A4: it must not
// block reports.
func Read(get func(key string) string) Preferences {
	text := func(key string) string { return strings.TrimSpace(get(key)) }
	size, err := ParsePageSize(text(KeyPageSize))
	if err != nil {
		size = A4
	}
	return Preferences{
		Practice: store.Practice{
			Name:        text(KeyPracticeName),
			Therapist:   text(KeyTherapist),
			Credentials: text(KeyCredentials),
			Address:     text(KeyAddress),
			Contact:     text(KeyContact),
		},
		PageSize:  size,
		Regulator: store.ParseRegulator(text(KeyRegulator)),
	}
}

// ReadFile reads the preferences the desk saved in Fyne's preferences file
// (a JSON object of key to value). A missing file is not an error: it gives
// empty details, as on a fresh install.
func ReadFile(path string) (Preferences, error) {
	values, err := readValues(path)
	if err != nil {
		return Preferences{}, err
	}
	return Read(func(key string) string {
		s, _ := values[key].(string)
		return s
	}), nil
}

// readValues reads Fyne's preferences file, a JSON object of key to value;
// a missing file has no values.
func readValues(path string) (map[string]any, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read preferences: %w", err)
	}
	var values map[string]any
	if err := json.Unmarshal(raw, &values); err != nil {
		return nil, fmt.Errorf("read preferences %s: not a preferences file: %w", path, err)
	}
	return values, nil
}
