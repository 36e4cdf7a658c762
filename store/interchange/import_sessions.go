package interchange

import (
	"backtrack/store"
	"backtrack/store/recordjson"
	"backtrack/store/sqlstore"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Columns the sessions CSV import reads. "notes" is another system's
// session note; it goes into the Subjective part of the SOAP note.
var (
	sessionImportColumns = []string{"id", "client_id", "client", "client_date_of_birth", "date", "duration_min",
		"pain_before", "pain_after", "pain_types", "locations", "triggers", "trigger_other",
		"muscles", "techniques", "notes", "subjective", "objective", "assessment", "plan", "home_care", "body_map",
		"home_programme", "adherence"}
	sessionImportRequired = []string{"client|client_id", "date"}
)

// tagColumns names the list column of each vocabulary kind.
var tagColumns = map[store.Kind]string{store.PainType: "pain_types", store.Location: "locations", store.Trigger: "triggers",
	store.Muscle: "muscles", store.Technique: "techniques"}

// sessionColumnOf maps a session validation field to its CSV column.
var sessionColumnOf = map[string]string{"start": "date", "duration": "duration_min", "programme": "home_programme",
	string(store.PainType): "pain_types", string(store.Location): "locations", string(store.Trigger): "triggers",
	string(store.Muscle): "muscles", string(store.Technique): "techniques"}

// sessionColumn is the CSV column of a session validation field.
func sessionColumn(field string) string {
	if column, mapped := sessionColumnOf[field]; mapped {
		return column
	}
	return field
}

// ImportSessionsCSV adds the sessions in a CSV file, each for a client
// already recorded, in one transaction: all of them or none. Vocabulary the
// list lacks is added as the therapist's own entries.
func ImportSessionsCSV(ctx context.Context, s *sqlstore.Store, r io.Reader, opts ImportOptions) (ImportSummary, error) {
	return importCSV(ctx, s, r, opts, sessionImportColumns, sessionImportRequired, func(im *importer, t *csvTable, row csvRow) error {
		im.readShortForms = true
		return im.sessionRow(t, row)
	})
}

// sessionRow checks and adds one session row.
func (im *importer) sessionRow(t *csvTable, row csvRow) error {
	reported := map[string]bool{}
	report := func(column, msg string) {
		reported[column] = true
		im.problem(ImportProblem{Row: row.number, Column: column, Message: msg})
	}
	ok := true
	client, column, problem, err := im.sessionClient(t, row)
	if err != nil {
		return fmt.Errorf("row %d: %w", row.number, err)
	}
	if problem != nil {
		report(column, problem.Error())
		ok = false
	} else {
		im.visitOutcome(row.number, t.get(row, "client"), client)
	}
	uid, err := store.CheckUID(t.get(row, "id"))
	if err != nil {
		report("id", err.Error())
		ok = false
	}
	sess := store.Session{ClientID: client.ID, DurationMin: store.DefaultDurationMin,
		TriggerOther: t.get(row, "trigger_other"), HomeCare: t.get(row, "home_care"),
		Notes: store.SOAP{Subjective: joinNotes(t.get(row, "notes"), t.get(row, "subjective")),
			Objective: t.get(row, "objective"), Assessment: t.get(row, "assessment"), Plan: t.get(row, "plan")}}
	if date := t.get(row, "date"); date == "" {
		report("date", "The date is required (YYYY-MM-DD, optionally with HH:MM).")
		ok = false
	} else if sess.Start, err = readStart(date, func(day string) (time.Time, error) { return t.dates.read("date", day) }); err != nil {
		report("date", err.Error())
		ok = false
	}
	var msg string
	if sess.Programme, msg = parseProgrammeCell(t.get(row, "home_programme")); msg != "" {
		report("home_programme", msg)
		ok = false
	}
	if sess.Adherence, msg = parseAdherenceCell(t.get(row, "adherence")); msg != "" {
		report("adherence", msg)
		ok = false
	}
	defaulted := false
	if d := t.get(row, "duration_min"); d == "" {
		defaulted = true
	} else if sess.DurationMin, err = strconv.Atoi(d); err != nil {
		report("duration_min", fmt.Sprintf("%q is not a whole number of minutes", store.Clip(d)))
		ok = false
	}
	for _, side := range []struct {
		column string
		pain   *store.Pain
	}{{"pain_before", &sess.PainBefore}, {"pain_after", &sess.PainAfter}} {
		if p, msg := parseImportPain(t.get(row, side.column)); msg != "" {
			report(side.column, msg)
			ok = false
		} else {
			*side.pain = p
		}
	}
	for _, k := range store.Kinds {
		column := tagColumns[k]
		named, problems := parseTagList(k, t.get(row, column), func(name string) bool {
			_, err := im.b.TermNamed(k, name)
			return err == nil
		})
		for _, p := range problems {
			report(column, p)
			ok = false
		}
		if k == store.Location {
			var marks []recordjson.Mark
			named, marks = splitRegionNames(named)
			cell, problems := parseBodyMapCell(t.get(row, "body_map"))
			for _, p := range problems {
				report("body_map", p)
				ok = false
			}
			if sess.BodyMap, err = im.resolveImportBodyMap(append(cell, marks...), func(msg string) { report("body_map", msg); ok = false }); err != nil {
				return fmt.Errorf("row %d: %w", row.number, err)
			}
		}
		tags, err := im.resolveImportTags(k, named, func(msg string) { report(column, msg); ok = false })
		if err != nil {
			return fmt.Errorf("row %d: %w", row.number, err)
		}
		sess.SetTags(k, tags)
	}
	if !ok {
		// the row's other problems, told all at once: those of the cells
		// that did not read are told already
		for _, p := range sess.Validate(client.DateOfBirth, im.b.Now()) {
			if column := sessionColumn(p.Field); !reported[column] {
				report(column, p.Message)
			}
		}
		return nil
	}
	if owner, known := im.sessionUIDs[uid]; uid != "" && known {
		if owner != client.ID {
			report("id", "This session's id belongs to another client's session; each session needs an id of its own")
			return nil
		}
		im.sum.SessionsPresent++
		return nil
	}
	sess.UID = uid
	if uid == "" && im.sessionPresent(client.ID, sess.Start.Format(store.StartLayout)) {
		im.sum.SessionsPresent++
		return nil
	}
	// A row repeated word for word in one file is one session; two
	// different sessions in the same minute are both kept.
	same := fmt.Sprintf("%+v", sess)
	if im.rowsSeen[same] {
		im.sum.SessionsPresent++
		return nil
	}
	im.rowsSeen[same] = true
	saved, err := im.b.SaveSession(sess)
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			column := sessionColumn(p.Field)
			if column == "subjective" && t.get(row, "subjective") == "" && t.has("notes") {
				column = "notes"
			}
			report(column, p.Message)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("row %d: %w", row.number, err)
	}
	im.sessionUIDs[saved.UID] = saved.ClientID
	if im.undoable {
		im.addedSessions = append(im.addedSessions, saved.UID)
	}
	im.sum.SessionsAdded++
	if defaulted {
		im.sum.DefaultDurations++
	}
	return nil
}

// sessionClient finds the client of a session row: by the client_id column
// (their identifier) when the file has it, or else by name or email. A
// problem of the row comes with the column it is in; err is a failure to
// read the record.
func (im *importer) sessionClient(t *csvTable, row csvRow) (client store.Client, column string, problem, err error) {
	if ref := t.get(row, "client_id"); ref != "" {
		uid, problem := store.CheckUID(ref)
		if problem != nil {
			return store.Client{}, "client_id", problem, nil
		}
		c, ok, err := im.b.ClientWithUID(uid)
		if err != nil || !ok {
			return store.Client{}, "client_id", fmt.Errorf("no client has the id %s; import the clients first", uid), err
		}
		return c, "client_id", nil, nil
	}
	if im.sessionsNamed == nil {
		if im.sessionsNamed, err = readClientNames(im.b); err != nil {
			return store.Client{}, "", nil, err
		}
	}
	dob := t.get(row, "client_date_of_birth")
	if dob != "" {
		born, err := t.dates.read("client_date_of_birth", dob)
		if err != nil {
			return store.Client{}, "client_date_of_birth", err, nil
		}
		dob = recordjson.FormatDate(born)
	}
	c, problem := im.sessionsNamed.find(t.get(row, "client"), dob)
	return c, "client", problem, nil
}

// find finds the one client a session row names, by full name ("Marta
// Nowak" or "Nowak Marta") or email, narrowed by date of birth when given.
func (names *clientNames) find(ref, dob string) (store.Client, error) {
	if ref == "" {
		return store.Client{}, errors.New("the client is required: their full name or email")
	}
	candidates := names.byEmail[strings.ToLower(ref)]
	if len(candidates) == 0 {
		candidates = uniqueClients(names.byName[store.Fold(ref)])
	}
	if dob != "" { // a date of birth must agree, even with a single match
		var narrowed []store.Client
		for _, c := range candidates {
			if recordjson.FormatDate(c.DateOfBirth) == dob {
				narrowed = append(narrowed, c)
			}
		}
		if len(candidates) > 0 && len(narrowed) == 0 {
			return store.Client{}, fmt.Errorf("no client %q was born on %s; check the date of birth", store.Clip(ref), dob)
		}
		candidates = narrowed
	}
	switch len(candidates) {
	case 0:
		return store.Client{}, fmt.Errorf("no client is named %q or has that email; import the clients first", store.Clip(ref))
	case 1:
		return candidates[0], nil
	}
	return store.Client{}, fmt.Errorf("%d clients match %q; write their email instead, or add a client_date_of_birth column",
		len(candidates), store.Clip(ref))
}

// clientNames are the clients recorded by folded full name, either way
// round ("Marta Nowak" or "Nowak Marta"), and by email, for session rows
// that name their client: as many as the practice has clients, never more.
type clientNames struct {
	byName  map[string][]store.Client
	byEmail map[string][]store.Client
}

func readClientNames(b *sqlstore.Batch) (*clientNames, error) {
	names := &clientNames{byName: map[string][]store.Client{}, byEmail: map[string][]store.Client{}}
	return names, b.EachClient(func(c store.Client) {
		for _, key := range []string{store.Fold(c.FullName()), store.Fold(c.LastName + " " + c.FirstName)} {
			names.byName[key] = append(names.byName[key], c)
		}
		if c.Email != "" {
			names.byEmail[strings.ToLower(c.Email)] = append(names.byEmail[strings.ToLower(c.Email)], c)
		}
	})
}

// uniqueClients drops a client listed twice ("Anna Anna" matches both ways).
func uniqueClients(cs []store.Client) []store.Client {
	seen := map[int64]bool{}
	var out []store.Client
	for _, c := range cs {
		if !seen[c.ID] {
			seen[c.ID] = true
			out = append(out, c)
		}
	}
	return out
}

// parseImportPain reads a 0-10 score; empty is "not recorded".
func parseImportPain(s string) (store.Pain, string) {
	s = painOutOfTen(s)
	if s == "" {
		return store.Pain{}, ""
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 10 {
		return store.Pain{}, fmt.Sprintf("%q is not a pain score: write a whole number from 0 (no pain) to 10 (worst), or leave it empty", store.Clip(s))
	}
	return store.PainOf(n), ""
}
