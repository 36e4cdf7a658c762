package fhir

import (
	"backtrack/store"
)

// consent is one informed consent to treatment: what it permits (the
// areas, assessment, the techniques explained), the areas the client
// refused, and a withdrawal (of areas, from its date, or of the whole
// consent, which makes it inactive). The method and the client's words go
// in its narrative.
func consent(patientID string, c store.Consent) object {
	status := "active"
	if c.WithdrawnWhole() {
		status = "inactive"
	}
	var parts []object
	for _, a := range c.Areas {
		parts = append(parts, object{}.with("type", "permit").with("code", []object{text("Area: " + a.Label())}))
	}
	for _, a := range c.Excluded {
		parts = append(parts, object{}.with("type", "deny").with("code", []object{text("Area refused: " + a.Label())}))
	}
	for _, a := range c.WithdrawnAreas {
		parts = append(parts, object{}.with("type", "deny").
			with("period", object{}.with("start", date(c.WithdrawnOn))).
			with("code", []object{text("Area withdrawn: " + a.Label())}))
	}
	var actions []object
	if c.Assessment {
		actions = append(actions, text("Assessment and palpation"))
	}
	if c.Techniques != "" {
		actions = append(actions, text("Techniques explained: "+c.Techniques))
	}
	if c.Draping {
		actions = append(actions, text("Draping explained and agreed"))
	}
	period := object{}.with("start", date(c.On))
	if c.WithdrawnWhole() {
		period = period.with("end", date(c.WithdrawnOn))
	}
	withdrawal := ""
	if c.Withdrawn() {
		withdrawal = "Withdrawn " + date(c.WithdrawnOn) + ": " + store.JoinNonEmpty(". ", store.AreaLabels(c.WithdrawnAreas), c.Withdrawal)
	}
	return object{}.with("resourceType", "Consent").with("id", c.UID).
		with("text", narrative(c.How.Label()+" consent to treatment, "+date(c.On)+": "+c.Covers()+".", c.Note, withdrawal)).
		with("identifier", []object{identifier(c.UID)}).
		with("status", status).
		with("scope", coded(consentScope, "treatment", "Treatment", "Consent to treatment")).
		with("category", []object{text("Informed consent to massage therapy")}).
		with("patient", ref(patientID)).
		with("dateTime", date(c.On)).
		with("policyRule", text("Informed consent to massage therapy, "+c.How.Label()+", as the practice's regulator requires")).
		with("provision", object{}.with("type", "permit").with("period", period).with("action", actions).with("provision", parts))
}
