package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// Preference keys under which the desk keeps the practice details (Fyne
// preferences). The CLI reads the same keys from the preferences file so a
// report looks the same whichever way it was made.
const (
	PrefPracticeName = "practice.name"
	PrefTherapist    = "practice.therapist"
	PrefCredentials  = "practice.credentials"
	PrefAddress      = "practice.address"
	PrefContact      = "practice.contact"
	PrefPageSize     = "report.page_size" // "A4" or "Letter"
)

// Practice is who issues the report: printed in its header and under the
// signature line.
type Practice struct {
	Name        string // "Back in Balance Massage"
	Therapist   string // "Anna Keller"
	Credentials string // "LMT, CMTPT"
	Address     string // one line: "12 Linden St, 8001 Zurich"
	Contact     string // one line: phone, email
}

// TherapistLine is "Anna Keller, LMT" or whichever parts are known.
func (p Practice) TherapistLine() string {
	return JoinNonEmpty(", ", p.Therapist, p.Credentials)
}

// Preferences is what the CLI reads from the desk's preferences file.
type Preferences struct {
	Practice Practice
	PageSize PageSize
}

// ReadPreferencesFile reads the practice details the desk saved in Fyne's
// preferences file (a JSON object of key to value). A missing file is not an
// error: it gives empty details, as on a fresh install.
func ReadPreferencesFile(path string) (Preferences, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Preferences{PageSize: A4}, nil
	}
	if err != nil {
		return Preferences{}, fmt.Errorf("read preferences: %w", err)
	}
	var values map[string]any
	if err := json.Unmarshal(raw, &values); err != nil {
		return Preferences{}, fmt.Errorf("read preferences %s: not a preferences file: %w", path, err)
	}
	text := func(key string) string {
		s, _ := values[key].(string)
		return strings.TrimSpace(s)
	}
	size, err := ParsePageSize(text(PrefPageSize))
	if err != nil {
		size = A4 // a bad saved value must not block reports
	}
	return Preferences{
		Practice: Practice{
			Name:        text(PrefPracticeName),
			Therapist:   text(PrefTherapist),
			Credentials: text(PrefCredentials),
			Address:     text(PrefAddress),
			Contact:     text(PrefContact),
		},
		PageSize: size,
	}, nil
}

// JoinNonEmpty joins the parts that are not blank, trimmed, with sep: one
// line of details ("12 Linden St  ·  079 555 01 02") on a page or a screen.
func JoinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
