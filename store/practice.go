package store

import "strings"

// Practice is who keeps the record and issues its reports: printed in a
// report's header and under the signature line.
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
