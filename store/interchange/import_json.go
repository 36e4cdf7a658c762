package interchange

import (
	"backtrack/store"
	"backtrack/store/recordjson"
	"backtrack/store/sqlstore"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// jsonColumnOf maps a session validation field to its JSON field.
var jsonColumnOf = map[string]string{"start": "start", "duration": "duration_min",
	string(store.PainType): "pain_types", string(store.Location): "locations", string(store.Trigger): "triggers",
	string(store.Muscle): "muscles", string(store.Technique): "techniques", "home_care": "home_care"}

// ImportJSON reads a Backtrack JSON export back in one transaction: all of
// it or, when anything has a problem, none. Into an empty database it
// restores everything: clients, sessions with every tag, the vocabulary with
// retired entries, created and updated times, every identifier. Into a
// database with records, a client or session already present (the same
// identifier; for a version 1 export without identifiers, the rules in
// import_identity.go) is not duplicated, and a name that could be several
// people is a problem, never a merge.
func ImportJSON(ctx context.Context, s *sqlstore.Store, r io.Reader, opts ImportOptions) (ImportSummary, error) {
	var sum ImportSummary
	data, err := readImportData(r)
	if err != nil {
		sum.Problems = []ImportProblem{{Message: err.Error()}}
		return sum, &ImportError{Problems: sum.Problems}
	}
	export, problem := decodeExport(data)
	if problem != "" {
		sum.Problems = []ImportProblem{{Message: problem}}
		return sum, &ImportError{Problems: sum.Problems}
	}
	sum.Rows = len(export.Clients)
	err = runImport(ctx, s, opts, &sum, func(im *importer) error {
		if err := im.jsonVocabulary(export.Vocabulary); err != nil {
			return err
		}
		if err := im.jsonAuditLog(export.AuditLog); err != nil {
			return err
		}
		for i, c := range export.Clients {
			if im.tooMany() {
				return nil
			}
			if err := im.jsonClient(i+1, c); err != nil {
				return err
			}
		}
		return nil
	})
	return sum, err
}

// decodeExport parses and recognises an export, or says what is wrong with
// the file in a sentence.
func decodeExport(data []byte) (Export, string) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte(utf8BOM)))
	switch {
	case len(trimmed) == 0:
		return Export{}, "The file is empty."
	case bytes.IndexByte(data, 0) >= 0:
		return Export{}, "This is not a JSON text file (it contains binary data)."
	case !utf8.Valid(trimmed):
		line, col := lineCol(trimmed, invalidUTF8At(trimmed))
		return Export{}, fmt.Sprintf("The file is not UTF-8 text (line %d, column %d).", line, col)
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	var e Export
	if err := dec.Decode(&e); err != nil {
		return Export{}, jsonProblem(trimmed, dec, err)
	}
	if dec.More() {
		line, col := lineCol(trimmed, int(dec.InputOffset()))
		return Export{}, fmt.Sprintf("The file goes on after the export ends (line %d, column %d).", line, col)
	}
	switch {
	case e.Format != ExportFormat:
		return Export{}, "This JSON file is not a Backtrack export (its \"format\" is not \"" + ExportFormat + "\")."
	case e.Version > ExportVersion:
		return Export{}, fmt.Sprintf("This export was written by a newer Backtrack (version %d); update Backtrack to import it.", e.Version)
	case e.Version < 1:
		return Export{}, "This export has no version; it was not written by Backtrack."
	}
	return e, ""
}

// jsonProblem says where a JSON file stops making sense.
func jsonProblem(data []byte, dec *json.Decoder, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		line, col := lineCol(data, int(syntax.Offset))
		return fmt.Sprintf("This is not valid JSON (line %d, column %d): %s.", line, col, syntax.Error())
	case errors.As(err, &typ):
		line, col := lineCol(data, int(typ.Offset))
		return fmt.Sprintf("%q has the wrong kind of value (line %d, column %d): expected %s, found %s.",
			typ.Field, line, col, typ.Type.String(), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "The file ends in the middle of the export; it is cut short."
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		line, col := lineCol(data, int(dec.InputOffset()))
		return fmt.Sprintf("Unknown field %s (line %d, column %d); is this a Backtrack export?",
			strings.TrimPrefix(err.Error(), "json: unknown field "), line, col)
	}
	return "This is not a Backtrack export: " + err.Error()
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, offset int) (int, int) {
	if offset > len(data) {
		offset = len(data)
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// jsonVocabulary brings in the vocabulary, so entries no session uses and
// retired ones survive the round trip. Existing entries change their
// retired state only when the database had no clients yet.
func (im *importer) jsonVocabulary(terms []ExportTerm) error {
	for i, et := range terms {
		record := fmt.Sprintf("vocabulary entry %d", i+1)
		if !store.ValidKind(et.Kind) {
			im.problem(ImportProblem{Record: record, Column: "kind", Message: fmt.Sprintf("%q is not a vocabulary list", store.Clip(string(et.Kind)))})
			continue
		}
		added := len(im.sum.NewTerms)
		t, err := im.term(et.Kind, et.Name)
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			im.problem(ImportProblem{Record: record, Column: "name", Message: ve.Error()})
			continue
		}
		if err != nil {
			return err
		}
		isNew := len(im.sum.NewTerms) > added
		if t.Retired != et.Retired && (isNew || !im.hadClients) {
			if err := im.b.SetTermRetired(t.ID, et.Retired); err != nil {
				return err
			}
			t.Retired = et.Retired
			im.termCache[string(et.Kind)+"|"+store.Fold(et.Name)] = t
		}
	}
	return nil
}

// jsonAuditLog appends the exported record's history to this record's log,
// each entry as it was written, with its hash there as its origin; an entry
// brought before (a second import of the same file) is not repeated. The
// log is appended to, never rewritten.
func (im *importer) jsonAuditLog(entries []ExportAuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	known := map[string]bool{}
	if err := im.b.EachHistoryOrigin(func(hash, origin string) { known[hash], known[origin] = true, true }); err != nil {
		return err
	}
	for i, e := range entries {
		origin := e.Hash
		if e.Origin != "" {
			origin = e.Origin // already brought from elsewhere: keep where it began
		}
		if known[origin] || known[e.Hash] {
			continue
		}
		at, err := time.ParseInLocation(store.StampLayout, e.At, time.Local)
		if err != nil || e.Action == "" {
			im.problem(ImportProblem{Record: fmt.Sprintf("audit entry %d", i+1), Column: "at",
				Message: "This entry of the record's history is damaged (no time or no action)"})
			continue
		}
		if err := im.b.Log(store.AuditEntry{At: at, Actor: e.Actor, Action: store.Action(e.Action),
			Record: e.Record, Client: e.Client, Detail: e.Detail, Content: e.Content, Origin: origin}); err != nil {
			return err
		}
		known[origin] = true
	}
	return nil
}

// jsonClient adds one client and their sessions.
func (im *importer) jsonClient(n int, ec ExportClient) error {
	record := fmt.Sprintf("client %d", n)
	report := func(record, column, msg string) {
		im.problem(ImportProblem{Record: record, Column: column, Message: msg})
	}
	c := store.Client{FirstName: ec.FirstName, LastName: ec.LastName, Phone: ec.Phone, Email: ec.Email,
		MedicalHistory: ec.MedicalHistory, Medications: ec.Medications,
		Contraindications: ec.Contraindications, Archived: ec.Archived}
	ok := true
	if ec.DateOfBirth != "" {
		var err error
		if c.DateOfBirth, err = recordjson.ParseDate(ec.DateOfBirth); err != nil {
			report(record, "date_of_birth", err.Error())
			ok = false
		}
	}
	ok = checkStamps(record, ec.CreatedAt, ec.UpdatedAt, report) && ok
	var hr recordjson.HealthReader
	health := hr.Health(ec.Intake, ec.RedFlagScreens, ec.Consents)
	for _, p := range hr.Problems {
		report(record, p.Column, p.Message)
		ok = false
	}
	uid, err := store.CheckUID(ec.ID)
	if err != nil {
		report(record, "id", err.Error())
		ok = false
	}
	if !ok {
		return nil
	}
	who := im.identify(c, uid)
	present := who.found
	switch {
	case who.problem != "":
		column := "date_of_birth"
		if uid != "" {
			column = "id"
		}
		report(record, column, who.problem)
		return nil
	case present:
		im.sum.ClientsPresent++
		c = who.client
	default:
		c.UID = uid
		added, err := im.b.CreateClient(c)
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				report(record, p.Field, p.Message)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", record, err)
		}
		if !health.Empty() {
			err := im.b.SetHealth(added.ID, health)
			if errors.As(err, &ve) {
				for _, p := range ve.Problems {
					report(record, p.Field, p.Message)
				}
				return nil
			}
			if err != nil {
				return fmt.Errorf("%s: %w", record, err)
			}
		}
		if err := im.b.KeepStamps("clients", added.ID, ec.CreatedAt, ec.UpdatedAt); err != nil {
			return err
		}
		c = added
		im.added(added, record) // the same person listed again later is "present"
		im.sum.ClientsAdded++
	}
	for j, es := range ec.Sessions {
		if err := im.jsonSession(fmt.Sprintf("%s, session %d", record, j+1), c.ID, present, es, report); err != nil {
			return err
		}
	}
	return im.jsonFunction(record, c, ec, report)
}

// jsonSession adds one session of a client.
func (im *importer) jsonSession(record string, clientID int64, clientWasPresent bool, es recordjson.Session,
	report func(record, column, msg string)) error {
	sess := store.Session{ClientID: clientID, DurationMin: es.DurationMin, TriggerOther: es.TriggerOther,
		Notes:    store.SOAP{Subjective: es.Subjective, Objective: es.Objective, Assessment: es.Assessment, Plan: es.Plan},
		HomeCare: es.HomeCare, Author: strings.TrimSpace(es.Author), Private: es.Private}
	ok := true
	var err error
	if sess.Start, err = parseImportStart(es.Start); err != nil {
		report(record, "start", err.Error())
		ok = false
	}
	if es.PainBefore != nil {
		sess.PainBefore = store.PainOf(*es.PainBefore)
	}
	if es.PainAfter != nil {
		sess.PainAfter = store.PainOf(*es.PainAfter)
	}
	for _, k := range store.Kinds {
		column := tagColumns[k]
		tags, err := im.resolveImportTags(k, *es.Tags(k), func(msg string) { report(record, column, msg); ok = false })
		if err != nil {
			return fmt.Errorf("%s: %w", record, err)
		}
		sess.SetTags(k, tags)
	}
	if sess.BodyMap, err = im.resolveImportBodyMap(es.BodyMap, func(msg string) { report(record, "body_map", msg); ok = false }); err != nil {
		return fmt.Errorf("%s: %w", record, err)
	}
	ok = checkStamps(record, es.CreatedAt, es.UpdatedAt, report) && ok
	if sess.UID, err = store.CheckUID(es.ID); err != nil {
		report(record, "id", err.Error())
		ok = false
	}
	if !ok {
		return nil
	}
	if owner, known := im.sessionUIDs[sess.UID]; sess.UID != "" && known {
		if owner != clientID {
			report(record, "id", "This session's id belongs to another client's session; each session needs an id of its own")
			return nil
		}
		im.sum.SessionsPresent++
		return nil
	}
	if sess.UID == "" && clientWasPresent && im.sessionPresent(clientID, sess.Start.Format(store.StartLayout)) {
		im.sum.SessionsPresent++
		return nil
	}
	if !checkHistory(record, es, report) {
		return nil
	}
	saved, err := im.b.ImportSession(sess, es)
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			column := p.Field
			if c, mapped := jsonColumnOf[p.Field]; mapped {
				column = c
			}
			report(record, column, p.Message)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", record, err)
	}
	// checked only for a client listed before: one client's own list may
	// hold two sessions in the same minute, and both must round-trip
	im.sessionsAt[sessionKey(clientID, saved.Start.Format(store.StartLayout))] = true
	im.sessionUIDs[saved.UID] = clientID
	im.sum.SessionsAdded++
	return im.b.KeepStamps("sessions", saved.ID, es.CreatedAt, es.UpdatedAt)
}

// checkHistory checks a note's signature, void and amendments as an export
// wrote them.
func checkHistory(record string, es recordjson.Session, report func(record, column, msg string)) bool {
	ok := checkStamp(record, "signed_at", es.SignedAt, report)
	ok = checkStamp(record, "voided_at", es.VoidedAt, report) && ok
	if es.SignedAt != "" && strings.TrimSpace(es.SignedBy) == "" {
		report(record, "signed_by", "A signed note must name who signed it")
		ok = false
	}
	if es.VoidedAt != "" && strings.TrimSpace(es.VoidReason) == "" {
		report(record, "void_reason", "A voided note must say why")
		ok = false
	}
	for i, a := range es.Amendments {
		where := fmt.Sprintf("%s, amendment %d", record, i+1)
		ok = a.At != "" && checkStamp(where, "at", a.At, report) && ok
		if strings.TrimSpace(a.Reason) == "" || strings.TrimSpace(a.By) == "" {
			report(where, "reason", "An amendment must say who made it and why")
			ok = false
		}
	}
	return ok
}

// checkStamps accepts empty or "YYYY-MM-DD HH:MM:SS" created and updated times.
func checkStamps(record, created, updated string, report func(record, column, msg string)) bool {
	ok := checkStamp(record, "created_at", created, report)
	return checkStamp(record, "updated_at", updated, report) && ok
}

// checkStamp accepts an empty or "YYYY-MM-DD HH:MM:SS" time.
func checkStamp(record, column, value string, report func(record, column, msg string)) bool {
	if value == "" {
		return true
	}
	if _, err := time.ParseInLocation(store.StampLayout, value, time.Local); err != nil {
		report(record, column, fmt.Sprintf("%q is not a time like 2026-11-25 14:05:00", store.Clip(value)))
		return false
	}
	return true
}
