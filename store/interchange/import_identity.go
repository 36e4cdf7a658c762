package interchange

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// How an import tells people apart. A record with an identifier is that
// client, whatever its name. A record without one is a client already
// recorded only when it cannot be anyone else: the same name and date of
// birth, or, where a date of birth is missing, the same name and email or
// phone. A name that several clients share, or one client whose details
// neither confirm nor rule out the match, is a question for the therapist,
// never a guess.

// addedRecord is a client an import added and the number of the record
// (row or client) that added it. The import keeps only these, in the order
// added; what a record said is read back from the database.
type addedRecord struct {
	id     int64
	number int
}

// identity is what an import found for one client record.
type identity struct {
	client  store.Client // the recorded client, when found
	found   bool
	problem string // a question for the therapist; nothing is written
}

// identify finds the client a record names. c has been read from the file;
// uid is its identifier ("" when the file has none).
func (im *importer) identify(c store.Client, uid string) (identity, error) {
	if uid != "" {
		other, ok, err := im.b.ClientWithUID(uid)
		if err != nil || !ok {
			return identity{}, err
		}
		if record, here := im.addedBy(other.ID); here && clientDetails(other) != clientDetails(c) {
			return identity{problem: fmt.Sprintf("%s has the same id as %s but other details; each client needs an id of their own", "This record", record)}, nil
		}
		return identity{client: other, found: true}, nil
	}
	details := clientDetails(c)
	namesakes, err := im.namesakes(c)
	if err != nil {
		return identity{}, err
	}
	for _, other := range namesakes {
		if _, here := im.addedBy(other.ID); here && clientDetails(other) == details {
			return identity{client: other, found: true}, nil // a record repeated word for word
		}
	}
	var same, undecided []store.Client
	for _, other := range namesakes {
		switch {
		case !c.DateOfBirth.IsZero() && !other.DateOfBirth.IsZero():
			if c.DateOfBirth.Equal(other.DateOfBirth) {
				same = append(same, other)
			} // born on other days: another person
		case sameContact(c, other):
			same = append(same, other)
		case otherContact(c, other):
			// both give an email or a phone, and they differ: another person
		default:
			undecided = append(undecided, other)
		}
	}
	if len(same) == 1 && len(undecided) == 0 {
		if _, here := im.addedBy(same[0].ID); !here {
			return identity{client: same[0], found: true}, nil
		}
	}
	if len(same) == 0 && len(undecided) == 0 {
		return identity{}, nil
	}
	name := store.Clip(c.FullName())
	for _, other := range append(same, undecided...) {
		if record, here := im.addedBy(other.ID); here {
			return identity{problem: fmt.Sprintf("%s is also in %s with other details: if they are two people, add date_of_birth or email to tell them apart; if one, give both the same details",
				name, record)}, nil
		}
	}
	if n := len(same) + len(undecided); n > 1 {
		return identity{problem: fmt.Sprintf("%d clients are called %s: add date_of_birth or email to say which", n, name)}, nil
	}
	return identity{problem: fmt.Sprintf("A client called %s is already recorded with other details: add date_of_birth or email to say whether this is the same person", name)}, nil
}

// namesakes are the clients recorded, or added by this import, with c's
// first and last name (case and accents aside). The database finds them
// by their folded "last first", which two different splits of one name
// can share; the split is checked here.
func (im *importer) namesakes(c store.Client) ([]store.Client, error) {
	found, err := im.b.ClientsSortedAs(c)
	if err != nil {
		return nil, err
	}
	var out []store.Client
	for _, other := range found {
		if store.Fold(other.FirstName) == store.Fold(c.FirstName) && store.Fold(other.LastName) == store.Fold(c.LastName) {
			out = append(out, other)
		}
	}
	return out, nil
}

// sameContact reports whether two records share an email or a phone number.
func sameContact(a, b store.Client) bool {
	if a.Email != "" && strings.EqualFold(a.Email, b.Email) {
		return true
	}
	da, db := store.PhoneDigits(a.Phone), store.PhoneDigits(b.Phone)
	return da != "" && da == db
}

// otherContact reports whether two records both give an email, or both a
// phone, and they differ.
func otherContact(a, b store.Client) bool {
	if a.Email != "" && b.Email != "" && !strings.EqualFold(a.Email, b.Email) {
		return true
	}
	da, db := store.PhoneDigits(a.Phone), store.PhoneDigits(b.Phone)
	return da != "" && db != "" && da != db
}

// clientDetails is everything a record says about a person, to tell two
// records of one file apart.
func clientDetails(c store.Client) string {
	c.Tidy()
	return strings.Join([]string{store.Fold(c.FirstName), store.Fold(c.LastName), recordjson.FormatDate(c.DateOfBirth),
		c.Phone, strings.ToLower(c.Email), c.MedicalHistory, c.Medications, c.Contraindications,
		fmt.Sprint(c.Archived)}, "\x1f")
}

// added records a client this import created from record number of
// its kind noun ("row", "client").
func (im *importer) added(c store.Client, noun string, number int) {
	im.addedNoun = noun
	im.addedHere = append(im.addedHere, addedRecord{id: c.ID, number: number})
	if n := len(im.addedHere); n > 1 && im.addedHere[n-2].id > c.ID {
		// identifiers come in order; should an engine ever hand one out
		// of turn, the list stays sorted for addedBy
		slices.SortFunc(im.addedHere, func(a, b addedRecord) int { return cmp.Compare(a.id, b.id) })
	}
}

// addedBy names the record that added client id, when this import did.
func (im *importer) addedBy(id int64) (string, bool) {
	i, found := slices.BinarySearchFunc(im.addedHere, id, func(a addedRecord, id int64) int { return cmp.Compare(a.id, id) })
	if !found {
		return "", false
	}
	return fmt.Sprintf("%s %d", im.addedNoun, im.addedHere[i].number), true
}

// addedIDs are the clients this import added.
func (im *importer) addedIDs() []int64 {
	ids := make([]int64, len(im.addedHere))
	for i, a := range im.addedHere {
		ids[i] = a.id
	}
	return ids
}

// outcome keeps what client row number is, when the import previews: new
// (matched zero) or the client it matches.
// visitOutcome keeps, for a preview, the client a session row was found
// to be for: "Jane Doe (born 1980-04-02)".
func (im *importer) visitOutcome(number int, ref string, c store.Client) {
	if !im.preview {
		return
	}
	o := RowOutcome{Row: number, Name: cmp.Or(ref, c.FullName()), Match: c.FullName(), Visit: true}
	if !c.DateOfBirth.IsZero() {
		o.Match += " (born " + recordjson.FormatDate(c.DateOfBirth) + ")"
	}
	im.sum.Outcomes = append(im.sum.Outcomes, o)
}

func (im *importer) outcome(number int, c store.Client, matched store.Client) {
	if !im.preview {
		return
	}
	o := RowOutcome{Row: number, Name: c.FullName()}
	if matched.ID != 0 {
		o.Match = matched.FullName()
		if !matched.DateOfBirth.IsZero() {
			o.Match += ", born " + recordjson.FormatDate(matched.DateOfBirth)
		}
		if record, here := im.addedBy(matched.ID); here {
			o.Match = record + " of this file"
		}
	}
	im.sum.Outcomes = append(im.sum.Outcomes, o)
}
