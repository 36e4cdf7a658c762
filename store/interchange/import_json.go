package interchange

import (
	"backtrack/store"
	"backtrack/store/recordjson"
	"backtrack/store/sqlstore"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// jsonColumnOf maps a session validation field to its JSON field.
var jsonColumnOf = map[string]string{"start": "start", "duration": "duration_min", "programme": "home_programme",
	string(store.PainType): "pain_types", string(store.Location): "locations", string(store.Trigger): "triggers",
	string(store.Muscle): "muscles", string(store.Technique): "techniques", "home_care": "home_care"}

// ImportJSON reads a Backtrack JSON export back in one transaction: all of
// it or, when anything has a problem, none. Into an empty database it
// restores everything: clients, sessions with every tag, the vocabulary with
// retired entries, created and updated times, every identifier. Into a
// database with records, a client or session already present (the same
// identifier; for a version 1 export without identifiers, the rules in
// import_identity.go) is not duplicated, and a name that could be several
// people is a problem, never a merge. The file is read token by token and
// each record written as it is read, so a file of any size imports in
// bounded memory; the lists are brought in in the order the file has them.
func ImportJSON(ctx context.Context, s *sqlstore.Store, r io.Reader, opts ImportOptions) (ImportSummary, error) {
	var sum ImportSummary
	err := runImport(ctx, s, opts, &sum, func(im *importer) error {
		in := &jsonInput{r: r}
		problem, err := im.readExport(json.NewDecoder(in), in)
		if problem == "" && err == nil {
			im.seals.finish(func(row, column, msg string) {
				im.problem(ImportProblem{Record: row, Column: column, Message: msg})
			})
		}
		if problem != "" {
			// the file, not a record, is at fault: that alone is said
			sum.Rows, sum.Problems = 0, []ImportProblem{{Message: problem}}
		}
		return err
	})
	return sum, err
}

// readExport reads the export's object field by field, each list element
// by element. It returns what is wrong with the file as a whole in a
// sentence, or an error that is not the file's.
func (im *importer) readExport(dec *json.Decoder, in *jsonInput) (string, error) {
	tok, err := dec.Token()
	switch {
	case errors.Is(err, io.EOF):
		return "The file is empty.", nil
	case err != nil:
		return jsonProblem(in, dec, err, "")
	case tok != json.Delim('{'):
		return notAnExport, nil
	}
	var head Export
	checked := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return jsonProblem(in, dec, err, "")
		}
		key, _ := tok.(string)
		var read func() error
		switch key {
		case "format":
			err = decodeValue(dec, &head.Format)
		case "version":
			err = decodeValue(dec, &head.Version)
		case "schema_version":
			err = decodeValue(dec, &head.SchemaVersion)
		case "exported_at":
			err = decodeValue(dec, &head.ExportedAt)
		case "vocabulary":
			var i int
			read = func() error {
				var et ExportTerm
				return decodeThen(dec, &et, func() error { i++; return im.jsonTerm(i, et) })
			}
		case "audit_log":
			var i int
			read = func() error {
				var e ExportAuditEntry
				return decodeThen(dec, &e, func() error { i++; return im.jsonAuditEntry(i, e) })
			}
		case "clients":
			read = func() error {
				var ec ExportClient
				return decodeThen(dec, &ec, func() error { im.sum.Rows++; return im.jsonClient(im.sum.Rows, ec) })
			}
		default:
			line, col := in.lineCol(dec.InputOffset())
			return fmt.Sprintf("Unknown field %q (line %d, column %d); is this a Backtrack export?", key, line, col), nil
		}
		if err != nil {
			return jsonProblem(in, dec, err, key)
		}
		if read == nil {
			continue
		}
		if !checked {
			if problem := checkHeader(head); problem != "" {
				return problem, nil
			}
			checked = true
		}
		if problem, err := readList(dec, in, key, read, im.tooMany); problem != "" || err != nil || im.tooMany() {
			return problem, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return jsonProblem(in, dec, err, "")
	}
	if dec.More() {
		line, col := in.lineCol(dec.InputOffset())
		return fmt.Sprintf("The file goes on after the export ends (line %d, column %d).", line, col), nil
	}
	if !checked {
		return checkHeader(head), nil
	}
	return "", nil
}

// decodeThen decodes one element into v and, when it reads, runs use.
func decodeThen(dec *json.Decoder, v any, use func() error) error {
	if err := decodeValue(dec, v); err != nil {
		return err
	}
	return use()
}

// decodeValue decodes the next value into v, refusing fields v lacks. The
// value is read whole first, so a problem in it is placed in the file: the
// decoder places it from where the value began.
func decodeValue(dec *json.Decoder, v any) error {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		// the scan of the value began where the decoder stopped
		return fileError{err, dec.InputOffset()}
	}
	value := json.NewDecoder(bytes.NewReader(raw))
	value.DisallowUnknownFields()
	if err := value.Decode(v); err != nil {
		return fileError{err, dec.InputOffset() - int64(len(raw))}
	}
	return nil
}

// fileError is a problem in the file met while reading a value, told apart
// from the store's errors in writing what was read; the problem's offset
// counts from base.
type fileError struct {
	err  error
	base int64
}

func (e fileError) Error() string { return e.err.Error() }
func (e fileError) Unwrap() error { return e.err }

// readList reads a list (or null) element by element, letting the bytes of
// each go once it is written.
func readList(dec *json.Decoder, in *jsonInput, key string, read func() error, stop func() bool) (string, error) {
	tok, err := dec.Token()
	switch {
	case err != nil:
		return jsonProblem(in, dec, err, key)
	case tok == nil:
		return "", nil
	case tok != json.Delim('['):
		line, col := in.lineCol(dec.InputOffset())
		return fmt.Sprintf("%q has the wrong kind of value (line %d, column %d): expected a list.", key, line, col), nil
	}
	for dec.More() && !stop() {
		err := read()
		var fe fileError
		if errors.As(err, &fe) {
			return jsonProblem(in, dec, fe, key)
		}
		if err != nil {
			return "", err
		}
		in.forget(dec.InputOffset())
	}
	if stop() {
		return "", nil
	}
	if _, err := dec.Token(); err != nil {
		return jsonProblem(in, dec, err, key)
	}
	return "", nil
}

const notAnExport = "This JSON file is not a Backtrack export (its \"format\" is not \"" + ExportFormat + "\")."

// checkHeader recognises a Backtrack export by its first fields.
func checkHeader(e Export) string {
	switch {
	case e.Format != ExportFormat:
		return notAnExport
	case e.Version > ExportVersion:
		return fmt.Sprintf("This export was written by a newer Backtrack (version %d); update Backtrack to import it.", e.Version)
	case e.Version < 1:
		return "This export has no version; it was not written by Backtrack."
	}
	return ""
}

// jsonProblem says where a JSON file stops making sense, in a sentence;
// an error that is not the file's (the store's, or reading the file at
// all) is returned as it is. within is the list being read.
func jsonProblem(in *jsonInput, dec *json.Decoder, err error, within string) (string, error) {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var bad notUTF8
	var failed readFailed
	var base int64
	if fe, ok := err.(fileError); ok {
		base = fe.base
	}
	switch {
	case errors.Is(err, errBinary):
		return "This is not a JSON text file (it contains binary data).", nil
	case errors.As(err, &bad):
		line, col := in.lineCol(bad.offset)
		return fmt.Sprintf("The file is not UTF-8 text (line %d, column %d).", line, col), nil
	case errors.As(err, &failed):
		return "", failed.err
	case errors.As(err, &syntax):
		line, col := in.lineCol(in.syntaxAt(base, syntax.Offset))
		return fmt.Sprintf("This is not valid JSON (line %d, column %d): %s.", line, col, syntax.Error()), nil
	case errors.As(err, &typ):
		line, col := in.lineCol(base + typ.Offset)
		field := typ.Field
		if within != "" && field != "" {
			field = within + "." + field
		}
		return fmt.Sprintf("%q has the wrong kind of value (line %d, column %d): expected %s, found %s.",
			cmp.Or(field, within), line, col, typ.Type.String(), typ.Value), nil
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "The file ends in the middle of the export; it is cut short.", nil
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		line, col := in.lineCol(dec.InputOffset())
		return fmt.Sprintf("Unknown field %s (line %d, column %d); is this a Backtrack export?",
			strings.TrimPrefix(err.Error(), "json: unknown field "), line, col), nil
	}
	return "This is not a Backtrack export: " + err.Error() + ".", nil
}

// jsonTerm brings in one entry of the vocabulary, so entries no session uses and
// retired ones survive the round trip. Existing entries change their
// retired state only when the database had no clients yet.
func (im *importer) jsonTerm(n int, et ExportTerm) error {
	record := fmt.Sprintf("vocabulary entry %d", n)
	if !store.ValidKind(et.Kind) {
		im.problem(ImportProblem{Record: record, Column: "kind", Message: fmt.Sprintf("%q is not a vocabulary list", store.Clip(string(et.Kind)))})
		return nil
	}
	added := len(im.sum.NewTerms)
	t, err := im.term(et.Kind, et.Name)
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		im.problem(ImportProblem{Record: record, Column: "name", Message: ve.Error()})
		return nil
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
	return nil
}

// jsonAuditEntry appends an entry of the exported record's history to
// this record's log, as it was written, with its hash there as its origin;
// an entry brought before (a second import of the same file) is not
// repeated. The log is appended to, never rewritten.
func (im *importer) jsonAuditEntry(n int, e ExportAuditEntry) error {
	im.seals.entry(e)
	if im.historyKnown == nil {
		im.historyKnown = map[string]bool{}
		if err := im.b.EachHistoryOrigin(func(hash, origin string) { im.historyKnown[hash], im.historyKnown[origin] = true, true }); err != nil {
			return err
		}
	}
	origin := e.Hash
	if e.Origin != "" {
		origin = e.Origin // already brought from elsewhere: keep where it began
	}
	if im.historyKnown[origin] || im.historyKnown[e.Hash] {
		return nil
	}
	at, err := time.ParseInLocation(store.StampLayout, e.At, time.Local)
	if err != nil || e.Action == "" {
		im.problem(ImportProblem{Record: fmt.Sprintf("audit entry %d", n), Column: "at",
			Message: "This entry of the record's history is damaged (no time or no action)"})
		return nil
	}
	if err := im.b.Log(store.AuditEntry{At: at, Actor: e.Actor, Action: store.Action(e.Action),
		Record: e.Record, Client: e.Client, Detail: e.Detail, Content: e.Content, Origin: origin}); err != nil {
		return err
	}
	im.historyKnown[origin] = true
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
	who, err := im.identify(c, uid)
	if err != nil {
		return fmt.Errorf("%s: %w", record, err)
	}
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
		im.added(added, "client", n) // the same person listed again later is "present"
		im.sum.ClientsAdded++
	}
	for j, es := range ec.Sessions {
		if err := im.jsonSession(fmt.Sprintf("%s, session %d", record, j+1), c, present, es, report); err != nil {
			return err
		}
	}
	if err := im.jsonFunction(record, c, ec, report); err != nil {
		return err
	}
	return im.jsonSubmissions(record, c, ec.Submissions, report)
}

// jsonSession adds one session of a client.
func (im *importer) jsonSession(record string, client store.Client, clientWasPresent bool, es recordjson.Session,
	report func(record, column, msg string)) error {
	clientID := client.ID
	sess := store.Session{ClientID: clientID, DurationMin: es.DurationMin, TriggerOther: es.TriggerOther,
		Notes:    store.SOAP{Subjective: es.Subjective, Objective: es.Objective, Assessment: es.Assessment, Plan: es.Plan},
		HomeCare: es.HomeCare, Author: strings.TrimSpace(es.Author), Private: es.Private,
		Programme: recordjson.ProgrammeContent(es.Programme), Adherence: recordjson.AdherenceContent(es.Adherence)}
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
	// the one place a signed note is checked against its seal
	if es.SignedAt != "" || es.Legacy {
		if err := im.seals.note(record, client.UID, es); err != nil {
			report(record, "signed_at", sentence(err))
			return nil
		}
	}
	if es.SignedAt != "" && im.checkSeal != nil {
		if err := im.checkSeal(client.UID, sess, es); err != nil {
			report(record, "signed_at", err.Error())
			return nil
		}
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
