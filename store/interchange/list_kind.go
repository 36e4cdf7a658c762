package interchange

import "slices"

// ListKind is what a list with any column names holds, clients or
// sessions: the fields its columns may fill, the names they are guessed
// from and written in a mapping spec, the apps' presets, and what a
// mapping of it needs. The desk, the command line and the import read a
// list of either kind through the same Mapping.
type ListKind struct {
	Name    string  // "clients" or "sessions", as the command line names it
	Fields  []Field // in the order the desk offers them
	Presets []Preset
	// many are the fields several columns may fill: their values are
	// joined (an address in parts, two notes).
	many  map[Field]bool
	names map[string]Field // as --map and a mapping file write them
	guess map[string]Field // by a header's key (headerKey)
	// idHeaders are the header keys of a column that may hold Backtrack's
	// own client identifiers, taken as such only when its values are.
	idHeaders []string
	// the fields of a full name and of its parts: a full name is not
	// guessed beside both parts, and a part chosen leaves the full name
	fullName, firstName, lastName Field
	// dateFields are the fields whose slash and dash dates are read in
	// the order the mapping says or its columns show.
	dateFields []Field
	check      func(Mapping) []ImportProblem
	ours       []string // the columns of the plain import a row is read into
}

// ClientList is a client list: one client a row.
var ClientList = &ListKind{
	Name: "clients",
	Fields: []Field{Skip, FirstName, LastName, FullName, DateOfBirth, Phone, Email, Notes, MedicalHistory,
		Medications, Contraindications, HealthNumber, Address, KeepAsNote, ClientID, Archived},
	Presets: clientPresets,
	ours:    clientImportColumns,
	// the first phone is the phone and the others are kept as notes
	many: map[Field]bool{Phone: true, Notes: true, MedicalHistory: true, Address: true, KeepAsNote: true,
		HealthNumber: true},
	names: map[string]Field{
		"first": FirstName, "first_name": FirstName, "last": LastName, "last_name": LastName,
		"name": FullName, "full_name": FullName, "dob": DateOfBirth, "date_of_birth": DateOfBirth, "birth": DateOfBirth,
		"phone": Phone, "email": Email, "notes": Notes, "medical_history": MedicalHistory, "history": MedicalHistory,
		"medications": Medications, "contraindications": Contraindications, "health_number": HealthNumber,
		"address": Address, "keep": KeepAsNote, "id": ClientID, "archived": Archived, "skip": Skip,
	},
	guess:      guessIndex(clientSynonyms),
	idHeaders:  []string{"id"},
	fullName:   FullName,
	firstName:  FirstName,
	lastName:   LastName,
	dateFields: []Field{DateOfBirth},
	check: func(m Mapping) []ImportProblem {
		return m.checkNames(FullName, FirstName, LastName)
	},
}

// ListKinds are the kinds of list, for the command line to name.
var ListKinds = []*ListKind{ClientList, SessionList}

// OwnColumns reports whether every column of header is one of Backtrack's
// own for this kind of list, as its plain import reads them.
func (k *ListKind) OwnColumns(header []string) bool {
	for _, h := range header {
		if !slices.Contains(k.ours, normaliseColumn(h)) {
			return false
		}
	}
	return len(header) > 0
}
