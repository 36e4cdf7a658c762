package fhir

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"backtrack/store"
)

// visit is one session: its Encounter, the pain before and after, a
// resource per region of the body chart, the note and the note's history.
func visit(patientID string, s store.Session, zone *time.Location) []object {
	start := wallClock(s.Start, zone)
	end := wallClock(s.Start.Add(time.Duration(s.DurationMin)*time.Minute), zone)
	encStatus := "finished"
	if s.Voided() {
		encStatus = "entered-in-error"
	}
	out := []object{object{}.with("resourceType", "Encounter").with("id", s.UID).
		with("identifier", []object{identifier(s.UID)}).
		with("status", encStatus).
		with("class", object{}.with("system", actCode).with("code", "AMB").with("display", "ambulatory")).
		with("type", []object{text("Massage therapy visit")}).
		with("subject", ref(patientID)).
		with("period", object{}.with("start", start).with("end", end))}

	status := observationStatus(s)
	if s.PainBefore.Recorded {
		out = append(out, pain(derivedID("pain-before", s.UID), patientID, s.UID, status, start, s.PainBefore, "before"))
	}
	if s.PainAfter.Recorded {
		out = append(out, pain(derivedID("pain-after", s.UID), patientID, s.UID, status, end, s.PainAfter, "after"))
	}
	marks := append([]store.BodyMark(nil), s.BodyMap...)
	store.SortBodyMap(marks)
	for _, m := range marks {
		out = append(out, bodyMark(patientID, s.UID, status, start, m))
	}
	return append(out, note(patientID, s, zone)...)
}

// observationStatus follows the note's: a draft's figures may still
// change, an amended note's have, a voided note's were entered in error.
func observationStatus(s store.Session) string {
	switch {
	case s.Voided():
		return "entered-in-error"
	case s.Draft():
		return "preliminary"
	case len(s.Amendments) > 0:
		return "amended"
	}
	return "final"
}

// pain is the pain the client reported before or after treatment, on the
// 0-10 numeric rating scale: LOINC 72514-3, an integer as the scale is
// (valueInteger, as HL7's own examples of this code carry it), at the
// visit's start or end, and said in words in its note.
func pain(id, patientID, encounterID, status, when string, p store.Pain, moment string) object {
	words := "Pain " + moment + " treatment (0-10)"
	return object{}.with("resourceType", "Observation").with("id", id).
		with("status", status).
		with("category", survey).
		with("code", coded(loinc, painCode, painDisplay, words)).
		with("subject", ref(patientID)).
		with("encounter", ref(encounterID)).
		with("effectiveDateTime", when).
		with("valueInteger", p.Score).
		with("note", []object{object{}.with("text", strings.ToUpper(moment[:1])+moment[1:]+" treatment")})
}

// bodyMark is one region marked on the body chart: the region and its side
// in bodySite (words, and Backtrack's region identifier), the pain type in
// words, and the region's own intensity on the 0-10 scale when given.
func bodyMark(patientID, encounterID, status, when string, m store.BodyMark) object {
	site := object{}
	if r, ok := store.RegionOf(m.Region); ok {
		site = object{}.with("coding", []object{object{}.with("system", regionSystem).with("code", string(r.ID)).with("display", r.Label())}).
			with("text", regionWords(r))
	} else {
		site = text(string(m.Region))
	}
	obs := object{}.with("resourceType", "Observation").with("id", derivedID("body-map", encounterID, string(m.Region))).
		with("status", status).
		with("category", survey).
		with("code", text("Where it hurts: a region marked on the body chart")).
		with("subject", ref(patientID)).
		with("encounter", ref(encounterID)).
		with("effectiveDateTime", when)
	if strings.TrimSpace(m.PainType.Name) != "" {
		obs = obs.with("valueCodeableConcept", text(m.PainType.Name))
	}
	obs = obs.with("bodySite", site)
	if m.Intensity.Recorded {
		obs = obs.with("component", []object{object{}.
			with("code", coded(loinc, painCode, painDisplay, "Pain in this region (0-10)")).
			with("valueInteger", m.Intensity.Score)})
	}
	return obs
}

// regionWords is a region with its laterality spelled out: "Lumbar, left
// side", "Sacral, midline".
func regionWords(r store.Region) string {
	switch r.Side {
	case store.Left:
		return r.Name + ", left side"
	case store.Right:
		return r.Name + ", right side"
	}
	return r.Name + ", midline"
}

// noteText is the note as the client and a reader see it: the pain, what
// was recorded, the SOAP note and the home care, a part a paragraph.
func noteText(s store.Session) string {
	var parts []string
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			parts = append(parts, label+": "+value)
		}
	}
	add("Pain before treatment", painWords(s.PainBefore))
	add("Pain after treatment", painWords(s.PainAfter))
	add("Pain type", store.TagLabels(s.PainTypes))
	add("Where it hurts", s.WhereItHurts())
	add("Triggers", store.JoinNonEmpty(", ", store.TagLabels(s.Triggers), s.TriggerOther))
	add("Muscles treated", store.TagLabels(s.Muscles))
	add("Techniques", store.TagLabels(s.Techniques))
	add("Subjective", s.Notes.Subjective)
	add("Objective", s.Notes.Objective)
	add("Assessment", s.Notes.Assessment)
	add("Plan", s.Notes.Plan)
	add("Home care", s.HomeCare)
	if len(parts) == 0 {
		return "Nothing recorded."
	}
	return strings.Join(parts, "\n\n") + "\n"
}

func painWords(p store.Pain) string {
	if !p.Recorded {
		return ""
	}
	return fmt.Sprintf("%d/10", p.Score)
}

// note is the visit note as a DocumentReference (its text as a plain-text
// attachment), the versions amendments replaced as superseded ones, and
// the Provenance of its history: signed (who, when), each amendment (who,
// when, why, the version it replaced), voided.
func note(patientID string, s store.Session, zone *time.Location) []object {
	id := derivedID("note", s.UID)
	versions := make([]string, len(s.Amendments))
	var out []object
	for i, a := range s.Amendments {
		versions[i] = derivedID("note", s.UID, "before-amendment", fmt.Sprint(i+1))
		prev := a.Previous
		doc := document(versions[i], patientID, s, prev, "superseded", zone)
		if i > 0 {
			doc = doc.with("relatesTo", []object{object{}.with("code", "replaces").with("target", ref(versions[i-1]))})
		}
		out = append(out, doc)
	}
	status := "current"
	if s.Voided() {
		status = "entered-in-error"
	}
	doc := document(id, patientID, s, s, status, zone)
	if n := len(versions); n > 0 {
		doc = doc.with("relatesTo", []object{object{}.with("code", "replaces").with("target", ref(versions[n-1]))})
	}
	out = append([]object{doc}, out...)

	if s.Signed() {
		out = append(out, provenance(derivedID("signed", s.UID), id, s.SignedAt, s.SignedBy,
			text("Signed electronically"), "", ""))
	}
	for i, a := range s.Amendments {
		out = append(out, provenance(derivedID("amended", s.UID, fmt.Sprint(i+1)), id, a.At, a.By,
			coded(dataOperation, "UPDATE", "revise", "Amended: "+strings.Join(a.Changed, ", ")), a.Reason, versions[i]))
	}
	if s.Voided() {
		out = append(out, provenance(derivedID("voided", s.UID), id, s.VoidedAt, s.VoidedBy,
			coded(dataOperation, "NULLIFY", "nullify", "Voided: entered in error"), s.VoidReason, ""))
	}
	return out
}

// document is one version of a note: content is the session as that
// version said it (a note's own, or the one an amendment replaced).
func document(id, patientID string, s, content store.Session, status string, zone *time.Location) object {
	docStatus := "final"
	switch {
	case s.Draft():
		docStatus = "preliminary"
	case status == "current" && len(s.Amendments) > 0:
		docStatus = "amended"
	}
	when := s.SignedAt
	if when.IsZero() {
		when = s.UpdatedAt
	}
	if status == "superseded" {
		when = time.Time{}
	}
	doc := object{}.with("resourceType", "DocumentReference").with("id", id).
		with("status", status).
		with("docStatus", docStatus).
		with("type", text("Massage therapy visit note")).
		with("subject", ref(patientID)).
		with("date", instant(when))
	if strings.TrimSpace(s.Author) != "" {
		doc = doc.with("author", []object{object{}.with("display", s.Author)})
	}
	if s.Signed() {
		doc = doc.with("authenticator", object{}.with("display", s.SignedBy))
	}
	title := "Visit note, " + s.Start.Format("2 January 2006")
	return doc.with("description", title).
		with("content", []object{object{}.with("attachment", object{}.
			with("contentType", "text/plain; charset=utf-8").
			with("data", base64.StdEncoding.EncodeToString([]byte(noteText(content)))).
			with("title", title))}).
		with("context", object{}.with("encounter", []object{ref(s.UID)}).
			with("period", object{}.with("start", wallClock(s.Start, zone))))
}

// provenance is one step of a note's history: what was done to it
// (activity), by whom, when, why, and the version an amendment replaced.
func provenance(id, noteID string, at time.Time, by string, activity object, reason, replaced string) object {
	p := object{}.with("resourceType", "Provenance").with("id", id).
		with("target", []object{ref(noteID)}).
		with("recorded", instant(at))
	if strings.TrimSpace(reason) != "" {
		p = p.with("reason", []object{text(reason)})
	}
	p = p.with("activity", activity).
		with("agent", []object{object{}.
			with("type", coded(participantType, "author", "Author", "")).
			with("who", object{}.with("display", orUnknown(by)))})
	if replaced != "" {
		p = p.with("entity", []object{object{}.with("role", "revision").with("what", ref(replaced))})
	}
	return p
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "not recorded"
	}
	return s
}
