package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/dates"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
)

var reportCommand = command{
	summary: "write a client's progress report, intake summary or blank forms as PDF, one report per active client with --all, or one visit's note with --session",
	usage: `backtrack report --db PATH --client ID|"First Last" [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.pdf
  backtrack report --db PATH --intake --client ID|"First Last" --out FILE.pdf
  backtrack report --db PATH --blank-forms --client ID|"First Last" --out FILE.pdf|DIR
  (--blank-forms: the forms of the client's screen on paper, blank, in the same words: intake with the
   red-flag questions, consent asking each sensitive area, PSFS, pain today;
   --out DIR writes Lastname_Firstname_forms_YYYY-MM-DD.pdf)
  backtrack report --db PATH --all [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out DIR
  backtrack report --db PATH --session ID|UUID --out FILE.pdf|DIR  (one visit note)
  backtrack report --db PATH --home-programme --client ID|"First Last"|--session ID|UUID --out FILE.pdf|DIR
  (--home-programme: the client's handout of home exercises, from that visit or the latest that gave any;
   --out DIR writes Lastname_Firstname_exercises_YYYY-MM-DD.pdf)
  (--out DIR for one client writes Lastname_Firstname_progress_YYYY-MM-DD.pdf in DIR,
   or Lastname_Firstname_intake_YYYY-MM-DD.pdf with --intake)
  (--intake: the intake summary, with the red-flag screen, the consent and a line for the client to sign;
   the physician's and insurer's editions of the progress report carry the relevant history and the screen)
  (--all prints progress as counts; --verbose adds each client's name)
  options: --for client|physician|insurer (the edition; default physician)
           --insights (the physician's edition adds "What has helped", as backtrack insights prints it)
           --paper A4|Letter  --date YYYY-MM-DD (report date, default today)
           --practice NAME --therapist NAME --credentials TEXT (default: the desk's settings)`,
	run: runReport,
}

// reportFlags is the report command's command line.
type reportFlags struct {
	db, client, from, to, out, paper, date string
	session                                string
	edition                                string
	all, verbose, intake, homeProgramme    bool
	insights, blankForms                   bool
	practice, therapist, credentials       string
	set                                    map[string]bool // flags given, even if empty
}

func parseReportFlags(args []string) (reportFlags, error) {
	var f reportFlags
	fs := newFlags("report", &f.db)
	fs.StringVar(&f.client, "client", "", `client ID or full name ("First Last")`)
	fs.BoolVar(&f.all, "all", false, "one report per active client, into the --out folder")
	fs.BoolVar(&f.verbose, "verbose", false, "with --all, name each client in the progress (a log then keeps the names)")
	fs.BoolVar(&f.intake, "intake", false, "print the client's intake summary instead of the progress report")
	fs.BoolVar(&f.homeProgramme, "home-programme", false, "print the home exercises handout of --session, or of --client's latest visit that gave any")
	fs.BoolVar(&f.blankForms, "blank-forms", false, "print the client's forms blank, for a client who prefers paper")
	fs.BoolVar(&f.insights, "insights", false, `the physician's edition adds "What has helped"`)
	fs.StringVar(&f.session, "session", "", "one visit's note: the session's number or its UUID")
	fs.StringVar(&f.from, "from", "", "first day of the period (YYYY-MM-DD)")
	fs.StringVar(&f.to, "to", "", "last day of the period (YYYY-MM-DD)")
	fs.StringVar(&f.out, "out", "", "PDF file to write (folder with --all)")
	fs.StringVar(&f.edition, "for", "", "who the report is for: client, physician or insurer (default physician)")
	fs.StringVar(&f.paper, "paper", "", "paper size: A4 or Letter (default: the desk's setting, else A4)")
	fs.StringVar(&f.date, "date", "", "report date (YYYY-MM-DD, default today)")
	fs.StringVar(&f.practice, "practice", "", "practice name in the header")
	fs.StringVar(&f.therapist, "therapist", "", "therapist's name")
	fs.StringVar(&f.credentials, "credentials", "", "therapist's credentials, e.g. LMT")
	if err := parseFlags(fs, args); err != nil {
		return f, err
	}
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })
	switch {
	case f.blankForms && (f.all || f.session != "" || f.intake || f.homeProgramme || f.insights || f.from != "" || f.to != "" || f.edition != ""):
		return f, usageError("--blank-forms prints one client's forms to fill in: give --client, without --all, --session, --intake, --home-programme, --insights, --from, --to or --for")
	case f.homeProgramme && (f.all || f.intake || f.from != "" || f.to != "" || f.edition != ""):
		return f, usageError("--home-programme prints one visit's exercises: give --client or --session, without --all, --intake, --from, --to or --for")
	case f.homeProgramme && f.session != "" && f.client != "":
		return f, usageError("--home-programme takes --client (the latest programme) or --session (that visit's), not both")
	case f.session != "" && (f.all || f.client != "" || f.from != "" || f.to != "" || f.intake):
		return f, usageError("--session prints one visit: give it without --client, --all, --from, --to or --intake")
	case f.session != "" && strings.TrimSpace(f.out) == "":
		return f, usageError("--out is required")
	case f.session != "":
		return f, nil
	case f.all && f.client != "":
		return f, usageError("give --client or --all, not both")
	case !f.all && strings.TrimSpace(f.client) == "":
		return f, usageError("--client is required (an ID or a full name), or --all")
	case strings.TrimSpace(f.out) == "":
		return f, usageError("--out is required")
	case f.intake && f.all:
		return f, usageError("--intake prints one client's intake summary: give --client, not --all")
	case f.intake && (f.from != "" || f.to != ""):
		return f, usageError("--intake prints the intake as it is: --from and --to are for progress reports")
	case f.insights && (f.all || f.intake || f.session != "" || (f.edition != "" && f.edition != "physician")):
		return f, usageError(`--insights adds "What has helped" to one client's progress report for the physician`)
	case f.intake && f.edition != "":
		return f, usageError("--intake is the client's own paper: --for is for progress reports")
	}
	return f, nil
}

func runReport(ctx context.Context, env Env, args []string) error {
	f, err := parseReportFlags(args)
	if err != nil {
		return err
	}
	period, err := parsePeriod(f.from, f.to)
	if err != nil {
		return err
	}
	opts, err := reportOptions(f)
	if err != nil {
		return err
	}
	s, err := openExisting(ctx, f.db)
	if err != nil {
		return err
	}
	defer s.Close()
	if !s.ReadsNotes() {
		return store.ErrNotesWithheld // before any folder is made for reports
	}
	if f.all {
		return reportAll(ctx, env, s, f.out, period, opts, f.verbose)
	}
	if f.session != "" && !f.homeProgramme {
		return reportSession(ctx, env, s, f.session, f.out, opts)
	}
	if f.homeProgramme {
		return reportHomeProgramme(ctx, env, s, f, opts)
	}
	client, err := findClient(ctx, s, f.client)
	if err != nil {
		return err
	}
	if f.blankForms {
		return reportBlankForms(ctx, env, client, f.out, opts)
	}
	d, err := report.Load(ctx, s, client.ID, period)
	if err != nil {
		return err
	}
	if f.intake {
		opts.Document = report.IntakeSummary
	}
	if f.insights {
		if err := d.AddInsights(ctx, s); err != nil {
			return err
		}
		opts.Insights = true
	}
	out := f.out
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		name := report.FileName(client, opts.Date)
		if f.intake {
			name = report.IntakeFileName(client, opts.Date)
		}
		out = filepath.Join(out, name)
	}
	warnUnprintable(env, "", report.FindUnprintable(d, opts))
	if err := report.WriteFile(ctx, out, d, opts); err != nil {
		return err
	}
	what := fmt.Sprintf("Progress report %s, %d visits", strings.ToLower(opts.Edition.Label()), len(d.Sessions))
	said := fmt.Sprintf("%d visits", len(d.Sessions))
	if f.intake {
		what, said = "Intake summary", "intake summary"
	}
	if err := s.LogEvent(ctx, store.ReportPrinted, client.UID, what); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%s, %s)\n", out, client.FullName(), said)
	return nil
}

// reportBlankForms writes the client's screen's forms on paper, blank:
// every sensitive area asked, since no one ticked which.
func reportBlankForms(ctx context.Context, env Env, client store.Client, out string, opts report.Options) error {
	opts.Document, opts.Forms = report.BlankForms, store.ClientScreenForms
	for _, a := range store.ConsentAreas {
		if a.Sensitive() {
			opts.Areas = append(opts.Areas, a)
		}
	}
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		out = filepath.Join(out, report.BlankFormsFileName(client, opts.Date))
	}
	if err := report.WriteFile(ctx, out, report.Data{Client: client}, opts); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%s, blank forms)\n", out, client.FullName())
	return nil
}

// findSession finds a visit by number or UUID, with its client.
func findSession(ctx context.Context, s *sqlstore.Store, ref string) (store.Session, store.Client, error) {
	var sess store.Session
	var err error
	if id, perr := strconv.ParseInt(strings.TrimSpace(ref), 10, 64); perr == nil {
		sess, err = s.Session(ctx, id)
	} else {
		sess, err = s.SessionByUID(ctx, ref)
	}
	if errors.Is(err, store.ErrNotFound) {
		return sess, store.Client{}, fmt.Errorf("no session %q (give its number or its UUID)", ref)
	}
	if err != nil {
		return sess, store.Client{}, err
	}
	client, err := s.Client(ctx, sess.ClientID)
	return sess, client, err
}

// reportSession writes one visit's note, found by number or UUID.
func reportSession(ctx context.Context, env Env, s *sqlstore.Store, ref, out string, opts report.Options) error {
	sess, client, err := findSession(ctx, s, ref)
	if err != nil {
		return err
	}
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		out = filepath.Join(out, report.NoteFileName(client, sess.Start))
	}
	head, err := s.LogHead(ctx)
	if err != nil {
		return err
	}
	if err := report.WriteNoteFile(ctx, out, client, sess, head, opts); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%s, visit of %s)\n", out, client.FullName(), sess.Start.Format(store.StartLayout))
	return nil
}

// reportAll writes every active client's report, progress on stderr.
// Ctrl-C stops between clients, leaving only complete files. The progress
// and the failures name clients only when verbose: a cron job's log is no
// place for a list of clients.
func reportAll(ctx context.Context, env Env, s *sqlstore.Store, dir string, period store.Period, opts report.Options, verbose bool) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	res, err := report.ExportAll(ctx, s, dir, period, opts, func(done, total int, c store.Client) {
		if verbose {
			fmt.Fprintf(env.Stderr, "%d of %d: %s\n", done, total, c.FullName())
		} else {
			fmt.Fprintf(env.Stderr, "%d of %d\n", done, total)
		}
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("stopped after %d reports; the ones written are complete", len(res.Written))
		}
		return err
	}
	if err := s.LogEvent(ctx, store.ReportPrinted, "", fmt.Sprintf("Progress reports for %d clients to %s", len(res.Written), dir)); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %d reports to %s", len(res.Written), dir)
	if n := len(res.Skipped); n > 0 {
		fmt.Fprintf(env.Stdout, " (%d %s without a visit in the period skipped)", n, map[bool]string{true: "client", false: "clients"}[n == 1])
	}
	fmt.Fprintln(env.Stdout)
	for _, u := range res.Unprintable {
		warnUnprintable(env, u.Client.FullName()+": ", u.Fields)
	}
	for _, f := range res.Failed {
		if verbose {
			fmt.Fprintf(env.Stderr, "failed: %v\n", f)
		} else { // the error quotes the file name, which holds the name
			fmt.Fprintf(env.Stderr, "failed: client %d: %v\n", f.Client.ID, innermost(f.Err))
		}
	}
	if len(res.Failed) > 0 {
		return fmt.Errorf("%d reports could not be written", len(res.Failed))
	}
	return nil
}

// warnUnprintable names the fields whose characters the report prints as
// boxes (Arabic, Devanagari and the other scripts it cannot shape).
func warnUnprintable(env Env, who string, fields []report.Unprintable) {
	for _, u := range fields {
		fmt.Fprintf(env.Stderr, "warning: %s%s; they print as boxes.\n", who, u)
	}
}

// findClient takes an ID or a full name; a name shared by several clients
// is an error that lists them with their IDs.
func findClient(ctx context.Context, s *sqlstore.Store, ref string) (store.Client, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		c, err := s.Client(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return store.Client{}, fmt.Errorf("no client with ID %d", id)
		}
		return c, err
	}
	found, err := s.ClientsNamed(ctx, ref)
	if err != nil {
		return store.Client{}, err
	}
	switch len(found) {
	case 0:
		return store.Client{}, fmt.Errorf("no client named %q (give the full name, \"First Last\", or the ID)", ref)
	case 1:
		return found[0], nil
	}
	lines := make([]string, len(found))
	for i, c := range found {
		born := "date of birth not recorded"
		if !c.DateOfBirth.IsZero() {
			born = "born " + c.DateOfBirth.Format(store.DateLayout)
		}
		archived := ""
		if c.Archived {
			archived = ", archived"
		}
		lines[i] = fmt.Sprintf("  --client %d   %s (%s%s)", c.ID, c.FullName(), born, archived)
	}
	return store.Client{}, fmt.Errorf("%d clients are named %q; choose one by ID:\n%s", len(found), ref, strings.Join(lines, "\n"))
}

func parsePeriod(from, to string) (store.Period, error) {
	var p store.Period
	var err error
	if p.From, err = parseDay("--from", from); err != nil {
		return p, err
	}
	if p.To, err = parseDay("--to", to); err != nil {
		return p, err
	}
	if !p.From.IsZero() && !p.To.IsZero() && p.From.After(p.To) {
		return p, usageError("--from %s is after --to %s", from, to)
	}
	return p, nil
}

func parseDay(flagName, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := dates.Read(value, dates.OrderOfLocale())
	if err != nil {
		return t, usageError("%s %v", flagName, err)
	}
	return t, nil
}

// reportOptions starts from the desk's saved settings and applies flags.
func reportOptions(f reportFlags) (report.Options, error) {
	prefs, err := settings.ReadFile(settings.PreferencesPath())
	if err != nil {
		return report.Options{}, err
	}
	opts := report.Options{Practice: prefs.Practice, PageSize: prefs.PageSize, Date: time.Now()}
	if f.set["practice"] {
		opts.Practice.Name = f.practice
	}
	if f.set["therapist"] {
		opts.Practice.Therapist = f.therapist
	}
	if f.set["credentials"] {
		opts.Practice.Credentials = f.credentials
	}
	if f.set["paper"] {
		if opts.PageSize, err = settings.ParsePageSize(f.paper); err != nil {
			return opts, usageError("--paper: %v", err)
		}
	}
	if f.date != "" {
		if opts.Date, err = parseDay("--date", f.date); err != nil {
			return opts, err
		}
	}
	if f.set["for"] {
		if opts.Edition, err = report.ParseEdition(f.edition); err != nil {
			return opts, usageError("--for: %v", err)
		}
	}
	return opts, nil
}

// errNoDatabase is a --db path where no file exists.
var errNoDatabase = errors.New("no database")

// needFile says "no database at PATH" for a --db file that is not there,
// as every command says it; a server address passes.
func needFile(path string) error {
	if onServer(path) {
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%w at %s", errNoDatabase, path)
	}
	return nil
}

// openExisting opens a database that must already exist: a mistyped --db
// must not quietly create an empty one and report "no client", nor an
// empty or foreign file be turned into one.
func openExisting(ctx context.Context, path string) (*sqlstore.Store, error) {
	if onServer(path) {
		// A server's database exists or the connection says it does not.
		return sqlstore.Open(ctx, path, anchored())
	}
	if err := sqlstore.RequireDatabase(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s", errNoDatabase, path)
		}
		var notDB *sqlstore.NotDatabaseError
		var folder *sqlstore.FolderError
		if errors.As(err, &notDB) || errors.As(err, &folder) {
			return nil, err // the sentence names the file already
		}
		return nil, fmt.Errorf("open database: %w", err)
	}
	return sqlstore.Open(ctx, path, anchored())
}

// innermost is the error at the bottom of err's chain: the disk's or the
// renderer's words, without the file name wrapped around them.
func innermost(err error) error {
	for next := errors.Unwrap(err); next != nil; next = errors.Unwrap(err) {
		err = next
	}
	return err
}
