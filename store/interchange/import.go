package interchange

import (
	"backtrack/store"
	"backtrack/store/dates"
	"backtrack/store/recordjson"
	"backtrack/store/sqlstore"
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
)

// ImportProblem is one thing wrong in an import file, where it is.
type ImportProblem struct {
	Row     int    // CSV: the row as a spreadsheet numbers it (header = 1); 0 for the whole file
	Record  string // JSON: "client 3" or "client 3, session 2"
	Column  string // CSV column or JSON field; "" for the whole row
	Message string
}

// Where is "row 4, pain_before", "client 3, session 2, start" or "file".
func (p ImportProblem) Where() string {
	var parts []string
	if p.Row > 0 {
		parts = append(parts, fmt.Sprintf("row %d", p.Row))
	}
	if p.Record != "" {
		parts = append(parts, p.Record)
	}
	if p.Column != "" {
		parts = append(parts, p.Column)
	}
	if len(parts) == 0 {
		return "file"
	}
	return strings.Join(parts, ", ")
}

func (p ImportProblem) String() string { return p.Where() + ": " + p.Message }

// ImportSummary is what an import did, or with CheckOnly would do.
type ImportSummary struct {
	Rows            int // records read from the file
	ClientsAdded    int
	ClientsPresent  int // already in the database (same name and date of birth): not duplicated
	SessionsAdded   int
	SessionsPresent int // the client already had a session at that time: not duplicated
	MeasuresAdded   int
	MeasuresPresent int // the same measure (by its identifier) was already here
	// What clients filled in and signed themselves, and those already here.
	SubmissionsAdded, SubmissionsPresent int
	PlansAdded                           int
	PlansPresent                         int
	// NewTerms are names the file used that the vocabulary lacked, added as
	// the therapist's own entries.
	NewTerms []store.Term
	// ReadAs are the short forms and initials a CSV file used, each with
	// the term it was read as ("QL" as Quadratus lumborum), once each.
	ReadAs []TermReading
	// DefaultDurations counts sessions without a duration, recorded as 60 min.
	DefaultDurations int
	Problems         []ImportProblem
	CheckOnly        bool // nothing was written
	// Outcomes says, row by row, which clients are new and which match a
	// client recorded; kept when ImportOptions.Preview asks.
	Outcomes []RowOutcome
}

// RowOutcome is what a client row of a file is: a new client, or one
// already recorded (Match names them).
type RowOutcome struct {
	Row   int
	Name  string
	Match string // "" for a new client; else who it matches: "Anna Keller, born 1980-02-01" or "row 3"
	// Visit: a session row, and Match the client it is for ("Anna
	// Keller (born 1980-02-01)").
	Visit bool
}

// ImportError means the file has problems; nothing was written. The
// summary that came with it lists them.
type ImportError struct {
	Problems []ImportProblem
}

func (e *ImportError) Error() string {
	if len(e.Problems) == 1 {
		return "import: " + e.Problems[0].String()
	}
	return fmt.Sprintf("import: %d problems, nothing imported (first: %s)", len(e.Problems), e.Problems[0])
}

// ImportOptions adjusts an import.
type ImportOptions struct {
	// CheckOnly runs the whole import, checks included, then rolls it back.
	CheckOnly bool
	// DateOrder is the order of day and month in a CSV file's dates
	// written with the year last (07/12/2026), when the therapist says it;
	// dates.Unknown lets each column's own values show it.
	DateOrder dates.Order
	// KnownTermsOnly refuses, writing nothing, a file that names terms the
	// vocabulary lacks: the summary lists them (NewTerms, as a check
	// would), and the error is ErrNewTerms. A JSON file brings its own
	// vocabulary and is never refused for it.
	KnownTermsOnly bool
	// Source names the file in the audit log's entry for the import.
	Source string
	// CheckSeal, when set, is asked about every signed note a JSON file
	// brings before it is written, besides the file's own seals (sealBook);
	// an error refuses the note, by row.
	CheckSeal SealCheck
	// Preview keeps, for each client row, whether it is new or matches a
	// client recorded (ImportSummary.Outcomes), for the desk to list.
	Preview bool
	// intoEmpty refuses records that hold a client or session already
	// (Move), checked inside the import's transaction.
	intoEmpty bool
	// undoable keeps the clients or sessions the import adds as one batch
	// that can be undone (sqlstore.UndoLastImport): an import of a client
	// list, or of a visits list with any column names.
	undoable bool
}

// SealCheck decides whether a signed note a file brings is the note that
// was signed: clientUID is its client's identifier, note the note as it
// will be written, exported the note with its history as the file has it.
type SealCheck func(clientUID string, note store.Session, exported recordjson.Session) error

// maxProblems stops a hopeless file (the wrong file, the wrong delimiter)
// from listing thousands of lines.
const maxProblems = 200

// errCheckOnly rolls back an import that only checks.
var errCheckOnly = errors.New("check only")

// runImport runs fill in one transaction. It is kept only when fill found
// no problem and the caller did not ask for a check only.
func runImport(ctx context.Context, s *sqlstore.Store, opts ImportOptions, sum *ImportSummary, fill func(*importer) error) error {
	sum.CheckOnly = opts.CheckOnly
	err := s.Batch(ctx, func(b *sqlstore.Batch) error {
		if opts.intoEmpty {
			if empty, err := b.Empty(); err != nil || !empty {
				return cmp.Or(err, ErrNotEmpty)
			}
		}
		im := &importer{b: b, sum: sum, termCache: map[string]store.Term{}, checkSeal: opts.CheckSeal, preview: opts.Preview,
			undoable: opts.undoable}
		if err := im.loadExisting(); err != nil {
			return err
		}
		if err := fill(im); err != nil {
			return err
		}
		if len(sum.Problems) > 0 {
			return &ImportError{Problems: sum.Problems}
		}
		if opts.KnownTermsOnly && len(sum.NewTerms) > 0 && !opts.CheckOnly {
			sum.CheckOnly = true // nothing is written: the summary says what would be
			return ErrNewTerms
		}
		if opts.CheckOnly {
			return errCheckOnly
		}
		detail := strings.Join(sum.Lines(), " ")
		if opts.Source != "" {
			detail = opts.Source + ": " + detail
		}
		if err := b.Log(store.AuditEntry{Action: store.RecordsImported, Detail: detail}); err != nil || !opts.undoable {
			return err
		}
		return b.RecordImportBatch(opts.Source, im.addedIDs(), im.addedSessions)
	})
	if errors.Is(err, errCheckOnly) {
		return nil
	}
	if err != nil {
		var ie *ImportError
		switch {
		case errors.As(err, &ie), errors.Is(err, ErrNotEmpty), errors.Is(err, ErrNewTerms):
		case errors.Is(err, store.ErrDiskFull), errors.Is(err, store.ErrReadOnly):
			// the disk, not a row, is at fault: say so, and that the
			// file was refused whole
			return fmt.Errorf("import: nothing was imported: %w", rootCause(err))
		default:
			return fmt.Errorf("import: %w", err)
		}
		return err
	}
	return nil
}

// importer is the state of one import inside its transaction.
type importer struct {
	b         *sqlstore.Batch
	checkSeal SealCheck
	seals     sealBook // the file's signed notes against its own history
	sum       *ImportSummary
	termCache map[string]store.Term // kind + folded name
	// readShortForms reads names as the desk's tag picker does (initials,
	// the start of each word) before adding them as new: a CSV's names are
	// typed by hand, a JSON file's are the vocabulary's own.
	readShortForms bool
	// knownMusclesOnly reports a muscle name the vocabulary lacks on its
	// row, with the nearest names, instead of adding it: a mapped list's
	// words are another app's.
	knownMusclesOnly bool
	vocabulary       map[store.Kind][]store.Term
	readAs           map[string]bool // kind + typed, once listed in ReadAs
	// addedHere lists, by identifier, each client this import added and
	// the record that added it (addedNoun and its number), so a later
	// record of the same person with other details is a question, never a
	// silent merge.
	addedHere []addedRecord
	addedNoun string
	// sessionsNamed finds the client a sessions CSV row names; built for
	// such an import only, which adds no client.
	sessionsNamed *clientNames
	// sessionUIDs maps the identifier of every session present or added
	// to its client.
	sessionUIDs map[string]int64
	// sessionsAt holds sessionKey of sessions present before the import and
	// of those it has added.
	sessionsAt map[string]bool
	// undoable: the import is kept as one batch that can be undone, and
	// addedSessions are the sessions it added, by identifier.
	undoable      bool
	addedSessions []string
	// rowsSeen holds every session a CSV import has added, in full.
	rowsSeen   map[string]bool
	hadClients bool
	preview    bool // keep each client row's outcome
	// historyKnown holds the hash and origin of every entry of the
	// record's history, once a file brings history
	historyKnown map[string]bool
}

// problem records one problem; it reports false once there are too many.
func (im *importer) problem(p ImportProblem) bool {
	if len(im.sum.Problems) == maxProblems {
		im.sum.Problems = append(im.sum.Problems, ImportProblem{Message: "Too many problems; stopped looking. Is this the right file?"})
	}
	if len(im.sum.Problems) > maxProblems {
		return false
	}
	im.sum.Problems = append(im.sum.Problems, p)
	return true
}

// tooMany reports whether the import stopped collecting problems.
func (im *importer) tooMany() bool { return len(im.sum.Problems) > maxProblems }

// loadExisting indexes the session times already recorded, so an import
// does not duplicate them. Clients are looked up in the database as each
// record comes, so a file of any length is read in bounded memory.
func (im *importer) loadExisting() error {
	im.sessionsAt, im.sessionUIDs, im.rowsSeen = map[string]bool{}, map[string]int64{}, map[string]bool{}
	n, err := im.b.ClientCount()
	if err != nil {
		return err
	}
	im.hadClients = n > 0
	return im.b.EachSession(func(clientID int64, start, uid string) {
		im.sessionsAt[sessionKey(clientID, start)] = true
		im.sessionUIDs[uid] = clientID
	})
}

// sessionPresent reports whether the client had a session at start before
// the import began.
func (im *importer) sessionPresent(clientID int64, start string) bool {
	return im.sessionsAt[sessionKey(clientID, start)]
}

// sessionKey identifies a session for duplicate checks: one client is not
// treated twice in the same minute.
func sessionKey(clientID int64, start string) string { return fmt.Sprintf("%d|%s", clientID, start) }

// term finds a vocabulary entry by name, adding it as the therapist's own
// when the vocabulary lacks it.
func (im *importer) term(kind store.Kind, name string) (store.Term, error) {
	key := string(kind) + "|" + store.Fold(name)
	if t, ok := im.termCache[key]; ok {
		return t, nil
	}
	t, err := im.b.TermNamed(kind, name)
	if errors.Is(err, store.ErrNotFound) {
		if t, err = im.b.AddTerm(kind, name); err == nil {
			im.sum.NewTerms = append(im.sum.NewTerms, t)
		}
	}
	if err != nil {
		return store.Term{}, err
	}
	im.termCache[key] = t
	return t, nil
}

// parseTagList reads "Gluteus medius (left); Stiffness" into names and
// sides. Commas separate names too, as the desk reads "massage,
// stretching" typed in one row, unless the whole item is a term (isTerm).
// A term named twice with left and right becomes both.
func parseTagList(kind store.Kind, cell string, isTerm func(string) bool) (tags []recordjson.Tag, problems []string) {
	index := map[string]int{}
	for _, item := range splitTagItems(cell, isTerm) {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, side := item, store.NoSide
		if m := store.SideSuffix.FindStringSubmatch(item); m != nil {
			name, side = strings.TrimSpace(m[1]), sideOf(m[2])
			if !kind.HasSide() {
				problems = append(problems, fmt.Sprintf("%q: a %s has no side; leave out %q", item, strings.ToLower(kind.Label()), "("+m[2]+")"))
				continue
			}
		}
		if name == "" {
			problems = append(problems, fmt.Sprintf("%q has no name before the side", item))
			continue
		}
		key := store.Fold(name)
		if i, seen := index[key]; seen {
			if tags[i].Side != side {
				tags[i].Side = store.Both
			}
			continue
		}
		index[key] = len(tags)
		tags = append(tags, recordjson.Tag{Name: name, Side: side})
	}
	return tags, problems
}

func sideOf(word string) store.Side {
	switch strings.ToLower(word) {
	case "left", "l":
		return store.Left
	case "right", "r":
		return store.Right
	default:
		return store.Both
	}
}

// resolveImportTags turns names into tags, adding unknown names to the
// vocabulary; each problem is reported through report.
func (im *importer) resolveImportTags(kind store.Kind, named []recordjson.Tag, report func(string)) ([]store.Tag, error) {
	var tags []store.Tag
	for _, n := range named {
		if n.Side != store.NoSide && n.Side != store.Left && n.Side != store.Right && n.Side != store.Both {
			report(fmt.Sprintf("side %q of %s must be left, right or both", n.Side, n.Name))
			continue
		}
		t, err := im.readTerm(kind, n.Name, report)
		if errors.Is(err, errNamesSeveral) || errors.Is(err, errUnknownTerm) {
			continue
		}
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			report(fmt.Sprintf("%q cannot be added to the %s list: %s", store.Clip(n.Name), strings.ToLower(kind.Label()), ve.Error()))
			continue
		}
		if err != nil {
			return nil, err
		}
		tags = append(tags, store.Tag{TermID: t.ID, Name: t.Name, Side: n.Side})
	}
	return tags, nil
}

// Lines says what the import did (or, checking only, would do) in short
// sentences for people.
func (s ImportSummary) Lines() []string {
	verb := func(done, would string) string {
		if s.CheckOnly {
			return would
		}
		return done
	}
	var out []string
	count := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	out = append(out, fmt.Sprintf("%s read.", count(s.Rows, "record", "records")))
	if s.ClientsAdded > 0 || s.ClientsPresent > 0 {
		out = append(out, count(s.ClientsAdded, "client", "clients")+verb(" added.", " would be added."))
	}
	if s.ClientsPresent > 0 {
		out = append(out, count(s.ClientsPresent, "client is", "clients are")+" already recorded (same name and date of birth): not added again.")
	}
	if s.SessionsAdded > 0 || s.SessionsPresent > 0 {
		out = append(out, count(s.SessionsAdded, "session", "sessions")+verb(" added.", " would be added."))
	}
	if s.SessionsPresent > 0 {
		out = append(out, count(s.SessionsPresent, "session was", "sessions were")+" already recorded at the same time: not added again.")
	}
	if s.MeasuresAdded > 0 || s.MeasuresPresent > 0 {
		out = append(out, count(s.MeasuresAdded, "outcome measure", "outcome measures")+verb(" added.", " would be added."))
	}
	if s.MeasuresPresent > 0 {
		out = append(out, count(s.MeasuresPresent, "measure was", "measures were")+" already recorded: not added again.")
	}
	if s.PlansAdded > 0 {
		out = append(out, count(s.PlansAdded, "treatment plan", "treatment plans")+verb(" added.", " would be added."))
	}
	if s.SubmissionsAdded > 0 {
		out = append(out, count(s.SubmissionsAdded, "set of forms filled in by a client", "sets of forms filled in by clients")+verb(" added.", " would be added."))
	}
	if s.SubmissionsPresent > 0 {
		out = append(out, count(s.SubmissionsPresent, "set of forms filled in by a client was", "sets of forms filled in by clients were")+" already recorded: not added again.")
	}
	if s.DefaultDurations > 0 {
		out = append(out, count(s.DefaultDurations, "session has", "sessions have")+
			fmt.Sprintf(" no duration: recorded as %d min.", store.DefaultDurationMin))
	}
	if len(s.ReadAs) > 0 {
		names := make([]string, len(s.ReadAs))
		for i, r := range s.ReadAs {
			names[i] = fmt.Sprintf("%q as %s", r.Typed, r.Term.Name)
		}
		out = append(out, "Read as your vocabulary's terms: "+strings.Join(names, "; ")+".")
	}
	if len(s.NewTerms) > 0 {
		names := make([]string, len(s.NewTerms))
		for i, t := range s.NewTerms {
			names[i] = t.Kind.Label() + ": " + t.Name
		}
		out = append(out, verb("Added to your vocabulary: ", "Would be added to your vocabulary: ")+strings.Join(names, "; ")+".")
	}
	return out
}

// rootCause is the domain error a file-system failure comes down to.
func rootCause(err error) error {
	for _, known := range []error{store.ErrDiskFull, store.ErrReadOnly} {
		if errors.Is(err, known) {
			return known
		}
	}
	return err
}
