package fhir

import (
	"fmt"
	"math"
	"strings"

	"backtrack/store"
)

// measure is one outcome measure: the answers as a QuestionnaireResponse
// and the score as an Observation derived from it, coded in LOINC where
// LOINC has the score (the ODI's), in words where it has none we could
// verify (the RMDQ's, the PSFS's).
// encounterID is the visit the measure was taken at, "" when none is in
// the Bundle (taken apart from a visit, or the visit's draft discarded).
func measure(patientID string, m store.Measure, encounterID string) []object {
	var items []object
	for i, it := range m.Items {
		items = append(items, object{}.
			with("linkId", fmt.Sprintf("%s-%d", m.Kind, i+1)).
			with("text", m.Kind.ItemName(it)).
			with("answer", []object{object{}.with("valueInteger", it.Score)}))
	}
	if strings.TrimSpace(m.Note) != "" {
		items = append(items, object{}.with("linkId", "note").with("text", "Note").
			with("answer", []object{object{}.with("valueString", m.Note)}))
	}
	qr := object{}.with("resourceType", "QuestionnaireResponse").with("id", m.UID).
		with("text", narrative(m.Kind.Name()+" ("+m.Kind.Label()+"), "+date(m.Taken))).
		with("identifier", identifier(m.UID)).
		with("status", "completed").
		with("subject", ref(patientID))
	if encounterID != "" {
		qr = qr.with("encounter", ref(encounterID))
	}
	qr = qr.with("authored", date(m.Taken)).with("item", items)

	code := text(m.Kind.Name() + " (" + m.Kind.Label() + ") score")
	if m.Kind == store.ODI {
		code = coded(loinc, odiScoreCode, odiScoreDisplay, "Oswestry Disability Index (ODI) score")
	}
	obs := object{}.with("resourceType", "Observation").with("id", derivedID("score", m.UID)).
		with("status", "final").
		with("category", survey).
		with("code", code).
		with("subject", ref(patientID))
	if encounterID != "" {
		obs = obs.with("encounter", ref(encounterID))
	}
	obs = obs.with("effectiveDateTime", date(m.Taken))
	if score := m.Score(); score.OK {
		unit, ucumCode := "score", "{score}"
		if m.Kind == store.ODI {
			unit, ucumCode = "%", "%"
		}
		obs = obs.with("valueQuantity", object{}.with("value", math.Round(score.Value*10)/10).
			with("unit", unit).with("system", ucum).with("code", ucumCode))
	} else {
		obs = obs.with("dataAbsentReason", text(score.Why))
	}
	return []object{qr, obs.with("derivedFrom", []object{ref(m.UID)})}
}
