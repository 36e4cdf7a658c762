package cli

import (
	"backtrack/store"
	"backtrack/store/interchange"
	"context"
	"fmt"
	"strings"
)

var exportCommand = command{
	summary: "export every client, session and vocabulary entry as JSON (imports back losslessly) or CSV",
	usage:   "backtrack export [--db PATH] --format json|csv --out DIR",
	run:     runExport,
}

func runExport(ctx context.Context, env Env, args []string) error {
	var db, format, out string
	fs := newFlags("export", &db)
	fs.StringVar(&format, "format", "json", "json or csv")
	fs.StringVar(&out, "out", "", "folder to write the files into (created if missing)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if format != string(interchange.ExportJSON) && format != string(interchange.ExportCSV) {
		return usageError("--format must be json or csv, not %q", format)
	}
	if out == "" {
		return usageError("--out DIR is required")
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
