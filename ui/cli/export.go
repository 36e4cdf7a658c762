package cli

import (
	"backtrack/report/clientcopy"
	"backtrack/store"
	"backtrack/store/fhir"
	"backtrack/store/interchange"
	"backtrack/store/safefile"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
)

var exportCommand = command{
	summary: "export every client, session and vocabulary entry as JSON (imports back losslessly), CSV or HL7 FHIR R4; or a client's copy of their record",
	usage: `backtrack export [--db PATH] --format json|csv --out DIR
  backtrack export [--db PATH] --format fhir [--client ID|"First Last"] --out DIR
  backtrack export [--db PATH] --client ID|"First Last" --copy --out DIR
  (--format fhir: a FHIR R4 Bundle of the whole practice, or of one client with --client)
  (--copy: the client's copy of their whole record, as privacy law gives them the right to:
   a new folder in DIR with the readable PDF, the JSON and the FHIR Bundle, logged in the history)`,
	run: runExport,
}

func runExport(ctx context.Context, env Env, args []string) error {
	var db, format, out, client string
	var copyFor bool
	fs := newFlags("export", &db)
	fs.StringVar(&format, "format", "json", "json, csv or fhir")
	fs.StringVar(&out, "out", "", "folder to write the files into (created if missing)")
	fs.StringVar(&client, "client", "", `one client, by ID or full name ("First Last"): with --format fhir or --copy`)
	fs.BoolVar(&copyFor, "copy", false, "write the client's copy of their record (with --client)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if out == "" {
		return usageError("--out DIR is required")
	}
	switch {
	case copyFor && strings.TrimSpace(client) == "":
		return usageError("--copy needs --client ID or \"First Last\": a copy is of one client's record")
	case copyFor:
		return exportClientCopy(ctx, env, db, client, out)
	case format == "fhir":
		return exportFHIR(ctx, env, db, client, out)
	case client != "":
		return usageError("--client goes with --format fhir or --copy; JSON and CSV exports hold the whole practice")
	case format != string(interchange.ExportJSON) && format != string(interchange.ExportCSV):
		return usageError("--format must be json, csv or fhir, not %q", format)
	}
	s, err := openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	files, err := interchange.ExportTo(ctx, s, out, interchange.ExportFileFormat(format))
	if err != nil {
		return err
	}
	if err := s.LogEvent(ctx, store.RecordsExported, "", strings.ToUpper(format)+" export to "+out); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(env.Stdout, "Wrote", f)
	}
	return nil
}

// FHIRFileName is the FHIR export's file in its folder.
const FHIRFileName = "backtrack.fhir.json"

// exportFHIR writes the practice's record, or one client's, as a FHIR R4
// Bundle into the folder out (created private when missing).
func exportFHIR(ctx context.Context, env Env, db, client, out string) error {
	s, err := openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	o := fhir.Options{Zone: time.Local}
	clientUID := ""
	if client != "" {
		c, err := findClient(ctx, s, client)
		if err != nil {
			return err
		}
		o.ClientUID, clientUID = c.UID, c.UID
	}
	if err := safefile.PrivateDir(out); err != nil {
		return err
	}
	path := filepath.Join(out, FHIRFileName)
	if err := safefile.RefuseExisting(path); err != nil {
		return err
	}
	if err := safefile.WriteAtomic(path, func(w io.Writer) error { return fhir.Write(ctx, s, w, o) }); err != nil {
		return err
	}
	if err := s.LogEvent(ctx, store.RecordsExported, clientUID, "FHIR export to "+out); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Wrote", path)
	return nil
}

// exportClientCopy writes the client's copy of their record into a new
// folder in out.
func exportClientCopy(ctx context.Context, env Env, db, client, out string) error {
	opts, err := reportOptions(reportFlags{set: map[string]bool{}})
	if err != nil {
		return err
	}
	s, err := openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if !s.ReadsNotes() {
		return store.ErrNotesWithheld
	}
	c, err := findClient(ctx, s, client)
	if err != nil {
		return err
	}
	res, err := clientcopy.Write(ctx, s, c.ID, out, opts, time.Local)
	if err != nil {
		return err
	}
	for _, f := range res.Files {
		fmt.Fprintln(env.Stdout, "Wrote", f)
	}
	return nil
}
