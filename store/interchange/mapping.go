package interchange

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"backtrack/store"
	"backtrack/store/dates"
)

// A client list from another app or a spreadsheet names its columns its own
// way ("Given", "Surname", "DOB", "Mobile"). A Mapping says which of our
// fields each column fills; the import then reads the file through it, by
// the same rows and rules as a file with our own column names.

// Field is what a column of a client list fills.
type Field string

// The fields a client list's columns can fill. Skip leaves a column out.
const (
	Skip              Field = ""
	FirstName         Field = "first_name"
	LastName          Field = "last_name"
	FullName          Field = "full_name" // "Núñez, José" or "José Núñez", split on import
	DateOfBirth       Field = "date_of_birth"
	Phone             Field = "phone"
	Email             Field = "email"
	Notes             Field = "notes"
	MedicalHistory    Field = "medical_history"
	Medications       Field = "medications"
	Contraindications Field = "contraindications"
	HealthNumber      Field = "health_number"
	Address           Field = "address"
	KeepAsNote        Field = "keep" // kept in the medical history as "Header: value"
	ClientID          Field = "id"   // Backtrack's own identifier (a UUID), as its exports write it
	Archived          Field = "archived"
)

// Label is the field as the desk's column chooser names it.
func (f Field) Label() string {
	switch f {
	case Skip:
		return "(leave out)"
	case FirstName:
		return "First name"
	case LastName:
		return "Last name"
	case FullName:
		return "Full name (split)"
	case DateOfBirth:
		return "Date of birth"
	case Phone:
		return "Phone"
	case Email:
		return "Email"
	case Notes:
		return "Notes"
	case MedicalHistory:
		return "Medical history"
	case Medications:
		return "Medications"
	case Contraindications:
		return "Contraindications"
	case HealthNumber:
		return "Health number"
	case Address:
		return "Address (part)"
	case KeepAsNote:
		return "Keep as a note"
	case ClientID:
		return "Backtrack id"
	case Archived:
		return "Archived (yes/no)"
	}
	return sessionFieldLabel(f)
}

// FieldLabeled is the field of this kind of list a chooser's label names.
func (k *ListKind) FieldLabeled(label string) Field {
	for _, f := range k.Fields {
		if f.Label() == label {
			return f
		}
	}
	return Skip
}

// Mapping is the field of each column of one file, by position, and how
// its dates are written.
type Mapping struct {
	Kind   *ListKind // what the list holds; nil is a client list
	Header []string  // the file's header row, as written
	Fields []Field   // Fields[i] is what column i fills
	// DateOrder is the order of day and month in the date columns'
	// slash and dash dates; Unknown reads it from the column's
	// own values (dates.OrderOfColumn), refusing a column that cannot tell.
	DateOrder dates.Order
}

// Columns names the columns that fill f, as the file's header writes them.
func (m Mapping) Columns(f Field) []string {
	var out []string
	for i, g := range m.Fields {
		if g == f && i < len(m.Header) {
			out = append(out, columnName(m.Header, i))
		}
	}
	return out
}

// columnName is column i's header, or "column 4" when it has none.
func columnName(header []string, i int) string {
	if name := strings.TrimSpace(strings.TrimPrefix(header[i], utf8BOM)); name != "" {
		return name
	}
	return fmt.Sprintf("column %d", i+1)
}

// kind is the mapping's kind of list.
func (m Mapping) kind() *ListKind {
	if m.Kind == nil {
		return ClientList
	}
	return m.Kind
}

// Check says what is wrong with the mapping as a whole: a field only one
// column may fill given to two, or what the kind of list needs missing.
func (m Mapping) Check() []ImportProblem {
	var problems []ImportProblem
	k := m.kind()
	for _, f := range k.Fields {
		if f == Skip || k.many[f] {
			continue
		}
		if cols := m.Columns(f); len(cols) > 1 {
			problems = append(problems, ImportProblem{Row: 1, Message: fmt.Sprintf(
				"%s is given to %d columns (%s); choose one.", f.Label(), len(cols), quoteAll(cols))})
		}
	}
	return append(problems, k.check(m)...)
}

// checkNames asks for a full name column, or first and last name
// columns, and not both.
func (m Mapping) checkNames(full, first, last Field) []ImportProblem {
	hasFull := len(m.Columns(full)) > 0
	hasFirst, hasLast := len(m.Columns(first)) > 0, len(m.Columns(last)) > 0
	switch {
	case hasFull && (hasFirst || hasLast):
		return []ImportProblem{{Row: 1, Message: "Choose a full name column, or first and last name columns, not both."}}
	case !hasFull && !(hasFirst && hasLast):
		return []ImportProblem{{Row: 1, Message: "Say which column holds the first name and which the last name, or which holds the full name."}}
	}
	return nil
}

func quoteAll(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", store.Clip(n))
	}
	return strings.Join(quoted, ", ")
}

// Spec writes the mapping as the command line's --map takes it and a
// mapping file holds it: "first=Given, last=Family, dob=DOB".
func (m Mapping) Spec() string {
	var parts []string
	for i, f := range m.Fields {
		if f == Skip || i >= len(m.Header) {
			continue
		}
		parts = append(parts, string(f)+"="+columnName(m.Header, i))
	}
	if m.DateOrder != dates.Unknown {
		parts = append(parts, "dates="+m.DateOrder.String())
	}
	return strings.Join(parts, ", ")
}

// MapRule is one "field=Header" of a mapping spec.
type MapRule struct {
	Field  Field
	Header string
}

// ParseSpec reads "first=Given, last=Family, dob=Birth date,
// dates=day-first", one rule a line or separated by commas (a mapping
// file; "#" starts a comment), in the field names of this kind of list.
// It returns the rules and the date order.
func (k *ListKind) ParseSpec(spec string) (rules []MapRule, dateOrder dates.Order, err error) {
	for _, line := range strings.Split(spec, "\n") {
		line, _, _ = strings.Cut(line, "#")
		for _, part := range strings.Split(line, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			key, header, ok := strings.Cut(part, "=")
			key = strings.ToLower(strings.TrimSpace(key))
			header = strings.Trim(strings.TrimSpace(header), `"'`)
			if !ok || header == "" {
				return nil, dates.Unknown, fmt.Errorf("%q: write field=Column, like first=Given", store.Clip(part))
			}
			if key == "dates" {
				if dateOrder, err = dates.ParseOrder(header); err != nil {
					return nil, dates.Unknown, fmt.Errorf("dates=%s: %w", store.Clip(header), err)
				}
				continue
			}
			f, known := k.names[key]
			if !known {
				return nil, dates.Unknown, fmt.Errorf("%q is not a field; the fields are %s", store.Clip(key), k.fieldNameList())
			}
			rules = append(rules, MapRule{Field: f, Header: header})
		}
	}
	return rules, dateOrder, nil
}

func (k *ListKind) fieldNameList() string {
	names := make([]string, 0, len(k.names))
	for name := range k.names {
		names = append(names, name)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// Apply gives each rule's field to the column its header names (case,
// accents and punctuation aside); a header the file lacks is an error.
func (m *Mapping) Apply(rules []MapRule) error {
	for _, r := range rules {
		i := slices.IndexFunc(m.Header, func(h string) bool { return headerKey(h) == headerKey(r.Header) })
		if i < 0 {
			return fmt.Errorf("the file has no column %q; its columns are %s", store.Clip(r.Header), quoteAll(m.Header))
		}
		m.Fields[i] = r.Field
	}
	return nil
}

// headerKey reads "Date of Birth", "date_of_birth" and "DATE-OF-BIRTH"
// alike, and "Prénom" as "prenom".
func headerKey(h string) string {
	h = store.Fold(strings.TrimPrefix(h, utf8BOM))
	return strings.Join(strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}
