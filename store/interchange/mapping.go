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

// Fields lists the fields in the order the desk offers them.
var Fields = []Field{Skip, FirstName, LastName, FullName, DateOfBirth, Phone, Email, Notes, MedicalHistory,
	Medications, Contraindications, HealthNumber, Address, KeepAsNote, ClientID, Archived}

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
	return string(f)
}

// FieldLabeled is the field a chooser's label names.
func FieldLabeled(label string) Field {
	for _, f := range Fields {
		if f.Label() == label {
			return f
		}
	}
	return Skip
}

// manyColumns are the fields several columns may fill: the values are
// joined (an address in parts, two notes), or the first phone is the
// phone and the others are kept as notes.
var manyColumns = map[Field]bool{Phone: true, Notes: true, MedicalHistory: true, Address: true, KeepAsNote: true,
	HealthNumber: true}

// fieldNames reads a field as the command line and a mapping file write it.
var fieldNames = map[string]Field{
	"first": FirstName, "first_name": FirstName, "last": LastName, "last_name": LastName,
	"name": FullName, "full_name": FullName, "dob": DateOfBirth, "date_of_birth": DateOfBirth, "birth": DateOfBirth,
	"phone": Phone, "email": Email, "notes": Notes, "medical_history": MedicalHistory, "history": MedicalHistory,
	"medications": Medications, "contraindications": Contraindications, "health_number": HealthNumber,
	"address": Address, "keep": KeepAsNote, "id": ClientID, "archived": Archived, "skip": Skip,
}

// Mapping is the field of each column of one file, by position, and how
// its dates are written.
type Mapping struct {
	Header []string // the file's header row, as written
	Fields []Field  // Fields[i] is what column i fills
	// DateOrder is the order of day and month in the date of birth
	// column's slash and dash dates; Unknown reads it from the column's
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

// Check says what is wrong with the mapping as a whole: no name, or a
// field only one column may fill given to two.
func (m Mapping) Check() []ImportProblem {
	var problems []ImportProblem
	for _, f := range Fields {
		if f == Skip || manyColumns[f] {
			continue
		}
		if cols := m.Columns(f); len(cols) > 1 {
			problems = append(problems, ImportProblem{Row: 1, Message: fmt.Sprintf(
				"%s is given to %d columns (%s); choose one.", f.Label(), len(cols), quoteAll(cols))})
		}
	}
	hasFull := len(m.Columns(FullName)) > 0
	hasFirst, hasLast := len(m.Columns(FirstName)) > 0, len(m.Columns(LastName)) > 0
	switch {
	case hasFull && (hasFirst || hasLast):
		problems = append(problems, ImportProblem{Row: 1, Message: "Choose a full name column, or first and last name columns, not both."})
	case !hasFull && !(hasFirst && hasLast):
		problems = append(problems, ImportProblem{Row: 1, Message: "Say which column holds the first name and which the last name, or which holds the full name."})
	}
	return problems
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

// ParseMapSpec reads "first=Given, last=Family, dob=Birth date,
// dates=day-first", one rule a line or separated by commas (a mapping
// file; "#" starts a comment). It returns the rules and the date order.
func ParseMapSpec(spec string) (rules []MapRule, dateOrder dates.Order, err error) {
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
			f, known := fieldNames[key]
			if !known {
				return nil, dates.Unknown, fmt.Errorf("%q is not a field; the fields are %s", store.Clip(key), fieldNameList())
			}
			rules = append(rules, MapRule{Field: f, Header: header})
		}
	}
	return rules, dateOrder, nil
}

func fieldNameList() string {
	names := make([]string, 0, len(fieldNames))
	for name := range fieldNames {
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
