package interchange

import (
	"slices"
	"strings"

	"backtrack/store"
)

// clientSynonyms are the header names, as headerKey reads them, that each
// field of a client list is guessed from: English, French, Spanish and
// German spreadsheets, and the names practice apps give their columns (the
// presets list theirs).
var clientSynonyms = map[Field][]string{
	FirstName: {"first name", "first", "firstname", "given name", "given", "given names", "forename", "first names",
		"prenom", "nombre", "vorname", "patient first name", "client first name"},
	LastName: {"last name", "last", "lastname", "surname", "family name", "family", "nom", "nom de famille",
		"apellido", "apellidos", "nachname", "patient last name", "client last name"},
	FullName: {"name", "full name", "fullname", "client", "client name", "patient", "patient name", "nom complet",
		"nombre completo", "customer", "customer name"},
	DateOfBirth: {"date of birth", "dob", "d o b", "birth date", "birthdate", "birthday", "born", "date de naissance",
		"fecha de nacimiento", "geburtsdatum", "birth"},
	Phone: {"phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "mobile number", "cell",
		"cell phone", "home phone", "work phone", "primary phone", "telephone number", "telefono", "handy",
		"patient phone numbers", "phone numbers"},
	Email: {"email", "e mail", "email address", "e mail address", "courriel", "correo", "correo electronico"},
	Notes: {"notes", "note", "comments", "comment", "remarks", "general notes", "patient notes", "client notes"},
	MedicalHistory: {"medical history", "health history", "history", "conditions", "medical conditions",
		"medical notes"},
	Medications:       {"medications", "medication", "meds", "current medications", "medicines"},
	Contraindications: {"contraindications", "contraindication", "precautions"},
	HealthNumber: {"health number", "health card", "health card number", "ohip", "ohip number", "medicare",
		"medicare number", "nhs number", "phn", "personal health number", "health insurance number", "carte sante"},
	Address: {"address", "address 1", "address 2", "address 3", "address line 1", "address line 2", "street",
		"street address", "city", "town", "suburb", "province", "state", "postal code", "post code", "postcode",
		"zip", "zip code", "country", "adresse", "ville", "code postal"},
	KeepAsNote: {"allergies", "allergy", "emergency contact", "preferred name", "preferred first name", "pronouns", "occupation",
		"referral source", "referred by", "emergency contact name", "emergency contact phone"},
	Archived: {"archived"},
}

// guessIndex finds a field by a header's key.
func guessIndex(synonyms map[Field][]string) map[string]Field {
	index := map[string]Field{}
	for f, names := range synonyms {
		for _, n := range names {
			index[n] = f
		}
	}
	return index
}

// Guess maps each column of header to the field its name suggests,
// or leaves it out; sample is the first rows, to tell Backtrack's own
// identifiers from another app's. A column guessed for a field only one
// column may fill goes to the first such column alone, and a full name is
// not guessed beside first and last names.
func (k *ListKind) Guess(header []string, sample [][]string) Mapping {
	m := Mapping{Kind: k, Header: header, Fields: make([]Field, len(header))}
	taken := map[Field]bool{}
	for i, h := range header {
		key := headerKey(h)
		f, ok := k.guess[key]
		if !ok && slices.Contains(k.idHeaders, key) && idColumn(sample, i) {
			f, ok = ClientID, true
		}
		if !ok || (!k.many[f] && taken[f]) {
			continue
		}
		m.Fields[i] = f
		taken[f] = true
	}
	if taken[k.fullName] && taken[k.firstName] && taken[k.lastName] {
		for i, f := range m.Fields {
			if f == k.fullName {
				m.Fields[i] = Skip
			}
		}
	}
	return m
}

// idColumn reports whether column i of the sample holds Backtrack's own
// identifiers: another app's patient numbers are not ours to keep.
func idColumn(sample [][]string, i int) bool {
	seen := false
	for _, row := range sample {
		if i >= len(row) || strings.TrimSpace(row[i]) == "" {
			continue
		}
		if _, err := store.CheckUID(strings.TrimSpace(row[i])); err != nil {
			return false
		}
		seen = true
	}
	return seen
}

// WithRules is the mapping with rules applied over it: a preset's or the
// command line's. A field only one column may fill leaves the column it
// was guessed for.
func (m Mapping) WithRules(rules []MapRule) (Mapping, error) {
	k := m.kind()
	out := Mapping{Kind: k, Header: m.Header, Fields: slices.Clone(m.Fields), DateOrder: m.DateOrder}
	for _, r := range rules {
		if !k.many[r.Field] && r.Field != Skip {
			for i, f := range out.Fields {
				if f == r.Field {
					out.Fields[i] = Skip
				}
			}
		}
		if r.Field == k.firstName || r.Field == k.lastName {
			for i, f := range out.Fields {
				if f == k.fullName {
					out.Fields[i] = Skip
				}
			}
		}
	}
	return out, out.Apply(rules)
}

// Remembered is the mapping spec (as Spec writes it) for a list with
// header: the columns it names as it says, every other left out, as they
// were when it was saved.
func (k *ListKind) Remembered(header []string, spec string) (Mapping, error) {
	rules, order, err := k.ParseSpec(spec)
	if err != nil {
		return Mapping{}, err
	}
	m := Mapping{Kind: k, Header: header, Fields: make([]Field, len(header)), DateOrder: order}
	return m, m.Apply(rules)
}
