package interchange

import (
	"fmt"
	"slices"
	"strings"
)

// Preset is the mapping of another app's client export, written from its
// documentation (Source): the header names it uses for each field. A
// header the file lacks is passed over; the README says where each list
// came from.
type Preset struct {
	Name   string
	Source string
	Rules  []MapRule
}

func rules(f Field, headers ...string) []MapRule {
	out := make([]MapRule, len(headers))
	for i, h := range headers {
		out[i] = MapRule{Field: f, Header: h}
	}
	return out
}

// clientPresets are the practice apps Backtrack knows the client exports
// of, and a plain spreadsheet's columns.
var clientPresets = []Preset{
	{
		// Cliniko's patient record as its API reference names the fields
		// (first_name, date_of_birth, address_1…); its CSV data export
		// titles the same fields in words ("First Name"), which headerKey
		// reads alike.
		Name:   "cliniko",
		Source: "https://docs.api.cliniko.com/openapi/reference/tag/Patient",
		Rules: slices.Concat(
			rules(FirstName, "first_name"), rules(LastName, "last_name"),
			rules(DateOfBirth, "date_of_birth"), rules(Email, "email"),
			rules(Phone, "patient_phone_numbers", "phone_numbers", "mobile", "home", "work"),
			rules(Notes, "notes"),
			rules(HealthNumber, "medicare", "medicare_reference_number", "dva_card_number"),
			rules(Address, "address_1", "address_2", "address_3", "city", "state", "post_code", "country"),
			rules(KeepAsNote, "preferred_first_name", "emergency_contact", "occupation", "appointment_notes",
				"referral_source"),
		),
	},
	{
		// The demographics Jane's guide lists for a patient carried from one
		// account to another: first and last name, phone numbers, email,
		// health number, date of birth; with the address its patient
		// profile keeps.
		Name:   "jane",
		Source: "https://jane.app/guide/jane-to-jane-chart-transfer-data-transfers",
		Rules: slices.Concat(
			rules(FirstName, "First Name"), rules(LastName, "Last Name"),
			rules(DateOfBirth, "Date of Birth", "Birth Date"),
			rules(Email, "Email", "Email Address"),
			rules(Phone, "Mobile Phone", "Home Phone", "Work Phone", "Phone Numbers", "Phone"),
			rules(HealthNumber, "Health Number", "Personal Health Number"),
			rules(Address, "Address", "Address Line 1", "Address Line 2", "City", "Province", "State",
				"Postal Code", "Country"),
			rules(KeepAsNote, "Preferred Name", "Pronouns", "Emergency Contact", "Occupation", "Referred By"),
			rules(Notes, "Notes"),
		),
	},
	{
		Name:   "generic",
		Source: "a spreadsheet's first name, last name, date of birth, phone, email",
		Rules: slices.Concat(rules(FirstName, "first name"), rules(LastName, "last name"),
			rules(DateOfBirth, "date of birth"), rules(Phone, "phone"), rules(Email, "email")),
	},
}

// PresetNamed finds a preset of this kind of list by name, in any case.
func (k *ListKind) PresetNamed(name string) (Preset, error) {
	for _, p := range k.Presets {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			return p, nil
		}
	}
	names := make([]string, len(k.Presets))
	for i, p := range k.Presets {
		names[i] = p.Name
	}
	return Preset{}, fmt.Errorf("no preset %q: choose %s", name, strings.Join(names, ", "))
}

// WithPreset is the mapping with the preset's headers that the file has
// mapped as the preset says; columns the preset does not name keep their
// guess.
func (m Mapping) WithPreset(p Preset) Mapping {
	var present []MapRule
	for _, r := range p.Rules {
		if slices.ContainsFunc(m.Header, func(h string) bool { return headerKey(h) == headerKey(r.Header) }) {
			present = append(present, r)
		}
	}
	out, _ := m.WithRules(present) // every header is present
	return out
}
