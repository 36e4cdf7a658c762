package interchange

import "slices"

// The fields a sessions (visits) list's columns can fill, besides Skip,
// Notes, KeepAsNote and ClientID, which mean there what they mean in a
// client list. The client columns find the client each visit is for, who
// must be recorded already.
const (
	ClientFullName Field = "client" // "Jane Doe" or "Doe, Jane"
	ClientFirst    Field = "client_first"
	ClientLast     Field = "client_last"
	ClientBirth    Field = "client_dob"
	ClientEmail    Field = "client_email"
	VisitDate      Field = "date" // the day, or the day and time
	VisitTime      Field = "time"
	Duration       Field = "duration"
	PainBefore     Field = "pain_before"
	PainAfter      Field = "pain_after"
	PainType       Field = "pain_type"
	Region         Field = "region"
	Triggers       Field = "triggers"
	Muscles        Field = "muscles"
	Techniques     Field = "techniques"
	Subjective     Field = "subjective"
	Objective      Field = "objective"
	Assessment     Field = "assessment"
	Plan           Field = "plan"
)

func sessionFieldLabel(f Field) string {
	labels := map[Field]string{
		ClientFullName: "Client's full name", ClientFirst: "Client's first name", ClientLast: "Client's last name",
		ClientBirth: "Client's date of birth", ClientEmail: "Client's email", VisitDate: "Date (and time)",
		VisitTime: "Time", Duration: "Duration (minutes)", PainBefore: "Pain before (0-10)", PainAfter: "Pain after (0-10)",
		PainType: "Pain type", Region: "Region (where)", Triggers: "Triggers", Muscles: "Muscles treated",
		Techniques: "Techniques", Subjective: "Subjective", Objective: "Objective", Assessment: "Assessment", Plan: "Plan",
	}
	if label, ok := labels[f]; ok {
		return label
	}
	return string(f)
}

// sessionSynonyms are the header names, as headerKey reads them, that each
// field of a sessions list is guessed from.
var sessionSynonyms = map[Field][]string{
	ClientFullName: {"client", "client name", "patient", "patient name", "name", "full name", "customer",
		"customer name", "nom", "nombre", "kunde"},
	ClientFirst: {"first name", "first", "given name", "client first name", "patient first name", "prenom", "vorname"},
	ClientLast:  {"last name", "last", "surname", "family name", "client last name", "patient last name", "nachname"},
	ClientBirth: {"date of birth", "dob", "d o b", "birth date", "birthdate", "born", "client date of birth",
		"patient date of birth", "date de naissance", "geburtsdatum"},
	ClientEmail: {"email", "e mail", "email address", "client email", "patient email", "courriel"},
	VisitDate: {"date", "visit date", "session date", "appointment date", "appointment", "treatment date",
		"date of visit", "starts at", "start", "start date", "visit", "datum", "fecha"},
	VisitTime: {"time", "start time", "appointment time", "visit time", "heure", "uhrzeit"},
	Duration:  {"duration", "duration min", "duration minutes", "length", "minutes", "mins", "duree", "dauer"},
	PainBefore: {"pain before", "pain pre", "pre pain", "pain at start", "pain start", "pain in", "initial pain",
		"pain before treatment", "pain before session"},
	PainAfter: {"pain after", "pain post", "post pain", "pain at end", "pain end", "pain out",
		"pain after treatment", "pain after session"},
	PainType:   {"pain type", "pain types", "type of pain", "pain quality", "symptoms", "symptom"},
	Region:     {"region", "regions", "where", "location", "locations", "area", "areas", "body area", "body region"},
	Triggers:   {"triggers", "trigger", "aggravating factors", "aggravated by"},
	Muscles:    {"muscles", "muscle", "muscles treated", "muscle groups"},
	Techniques: {"techniques", "technique", "techniques used", "modalities", "modality"},
	Notes: {"notes", "note", "treatment note", "treatment notes", "session notes", "session note", "visit notes",
		"comments", "chart note", "chart notes", "content"},
	Subjective: {"subjective"},
	Objective:  {"objective"},
	Assessment: {"assessment"},
	Plan:       {"plan", "treatment plan"},
}

// sessionPresets are the practice apps whose visit exports are documented,
// and a plain spreadsheet's columns. Jane's guide documents no column
// names for its appointments or chart entries (its charts leave as PDF
// files); the generic preset and the guess read such a file.
var sessionPresets = []Preset{
	{
		// Cliniko's individual appointment as its API reference names the
		// fields; a CSV of the same fields titled in words ("Starts At",
		// "Patient Name") is read alike. starts_at is a UTC time, read as
		// this computer's local time.
		Name:   "cliniko",
		Source: "https://docs.api.cliniko.com/openapi/reference/tag/Individual-Appointment",
		Rules: slices.Concat(rules(VisitDate, "starts_at", "appointment_start"), rules(ClientFullName, "patient_name"),
			rules(Notes, "notes"), rules(Skip, "ends_at", "id", "cancellation_note")),
	},
	{
		Name:   "generic",
		Source: "a spreadsheet's date, client, pain before, pain after, notes",
		Rules: slices.Concat(rules(VisitDate, "date"), rules(ClientFullName, "client"), rules(PainBefore, "pain before"),
			rules(PainAfter, "pain after"), rules(Notes, "notes")),
	},
}

// SessionList is a list of visits, one a row, each for a client recorded
// already.
var SessionList = &ListKind{
	Name: "sessions",
	Fields: []Field{Skip, ClientFullName, ClientFirst, ClientLast, ClientBirth, ClientEmail, ClientID, VisitDate,
		VisitTime, Duration, PainBefore, PainAfter, PainType, Region, Triggers, Muscles, Techniques, Notes,
		Subjective, Objective, Assessment, Plan, KeepAsNote},
	Presets: sessionPresets,
	ours:    sessionImportColumns,
	many: map[Field]bool{PainType: true, Region: true, Triggers: true, Muscles: true, Techniques: true, Notes: true,
		Subjective: true, Objective: true, Assessment: true, Plan: true, KeepAsNote: true},
	names: map[string]Field{
		"client": ClientFullName, "name": ClientFullName, "first": ClientFirst, "last": ClientLast,
		"dob": ClientBirth, "birth": ClientBirth, "email": ClientEmail, "id": ClientID, "client_id": ClientID,
		"date": VisitDate, "time": VisitTime, "duration": Duration, "pain_before": PainBefore, "before": PainBefore,
		"pain_after": PainAfter, "after": PainAfter, "pain_type": PainType, "region": Region, "where": Region,
		"triggers": Triggers, "muscles": Muscles, "techniques": Techniques, "notes": Notes,
		"subjective": Subjective, "objective": Objective, "assessment": Assessment, "plan": Plan,
		"keep": KeepAsNote, "skip": Skip,
	},
	guess:      guessIndex(sessionSynonyms),
	idHeaders:  []string{"id", "client id", "patient id"},
	fullName:   ClientFullName,
	firstName:  ClientFirst,
	lastName:   ClientLast,
	dateFields: []Field{VisitDate, ClientBirth},
	check:      checkSessionMapping,
}

// checkSessionMapping asks for the visit's date and for the columns that
// find its client: a name, an email or Backtrack's client id.
func checkSessionMapping(m Mapping) []ImportProblem {
	var problems []ImportProblem
	if len(m.Columns(VisitDate)) == 0 {
		problems = append(problems, ImportProblem{Row: 1, Message: "Say which column holds the date of the visit."})
	}
	named := len(m.Columns(ClientFullName))+len(m.Columns(ClientFirst))+len(m.Columns(ClientLast)) > 0
	switch {
	case named:
		problems = append(problems, m.checkNames(ClientFullName, ClientFirst, ClientLast)...)
	case len(m.Columns(ClientEmail)) == 0 && len(m.Columns(ClientID)) == 0:
		problems = append(problems, ImportProblem{Row: 1, Message: "Say which column names the client: their full name, " +
			"first and last name, email or Backtrack id. The client must be recorded already."})
	}
	return problems
}
