package fhir

// Code systems and codes. Only terminologies free to ship are used: LOINC
// (its licence lets anyone use and ship the codes, with its notice) and
// HL7's own code systems. SNOMED CT is left out: outside its member
// countries it needs a licence from SNOMED International, which a file
// given to any client or clinic cannot assume; body sites and laterality
// go as words (and Backtrack's own region identifier) instead.
const (
	loinc = "http://loinc.org"
	ucum  = "http://unitsofmeasure.org"

	// LOINC 72514-3 (https://loinc.org/72514-3): the 0-10 numeric rating
	// the client reports, what the session's pain before and after are.
	painCode    = "72514-3"
	painDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"

	// LOINC 97909-6 (https://loinc.org/97909-6): the ODI's score, as a
	// percent of the sections answered; a member of the panel 97908-8
	// "Oswestry Disability Index".
	odiScoreCode    = "97909-6"
	odiScoreDisplay = "Oswestry disability index score ODI"

	observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
	actCode             = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	dataOperation       = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
	participantType     = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
	consentScope        = "http://terminology.hl7.org/CodeSystem/consentscope"

	// regionSystem names Backtrack's body chart regions ("lumbar-l"): a
	// reader sees the words, a program the stable identifier.
	regionSystem = "urn:backtrack:body-chart-region"
	// identifierSystem marks the identifiers Backtrack gives for good:
	// the value is the record's own UUID as a URN (RFC 3986).
	identifierSystem = "urn:ietf:rfc:3986"
)

// survey is the category of what the client reports on a scale or form.
var survey = []object{coded(observationCategory, "survey", "Survey", "")}
