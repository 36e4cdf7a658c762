// Backtrack is a desktop app for massage and manual therapists: session
// notes, pain trends and progress reports for clients with lower back pain.
package main

import (
	// First: the locale must be readable before Fyne's lang package reads it.
	_ "backtrack/ui/posixlocale"

	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"

	"fyne.io/fyne/v2/app"

	"backtrack/assets"
	"backtrack/store/anchor"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
	"backtrack/ui"
	"backtrack/ui/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		useParentConsole()
		os.Exit(cli.Run(context.Background(), cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}, args))
	}
	if err := run(args); err != nil {
		fmt.Fprintf(os.Stderr, "backtrack: %v\n", err)
		os.Exit(1)
	}
}

// run opens the database and shows the desk until the window closes.
func run(args []string) error {
	fs := flag.NewFlagSet("backtrack", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "database file (default: in the app's storage folder)")
	// Not in the usage text: opens one client at start (an ID, or
	// "busiest"), for screenshots.
	selectClient := fs.String("select-client", "", "")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			cli.PrintUsage(os.Stdout)
			return nil
		}
		fmt.Fprintf(os.Stderr, "backtrack: %v\n\n", err)
		cli.PrintUsage(os.Stderr)
		os.Exit(cli.ExitUsage)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "backtrack: unknown command %q\n\n", fs.Arg(0))
		cli.PrintUsage(os.Stderr)
		os.Exit(cli.ExitUsage)
	}

	opts := ui.Options{SelectBusiest: *selectClient == "busiest"}
	if !opts.SelectBusiest && *selectClient != "" {
		var err error
		if opts.SelectClient, err = strconv.ParseInt(*selectClient, 10, 64); err != nil {
			return fmt.Errorf("--select-client %q: want a client ID or \"busiest\"", *selectClient)
		}
	}

	// Most of the desk's heap is fonts Fyne keeps parsed for as long as the
	// window is open; the default (collect when the heap has doubled) let
	// reading the practice and writing a report grow it by as much again.
	debug.SetGCPercent(50)
	a := app.NewWithID(settings.AppID)
	a.SetIcon(assets.Icon)
	*dbPath = ui.RecordsToOpen(a, *dbPath)
	// The records open while the desk readies its window and fonts.
	opened := openAside(context.Background(), *dbPath, sqlstore.WithActor(ui.Actor(a)),
		sqlstore.WithAnchors(anchor.In(settings.AnchorsDir())))
	start := ui.Prepare(a)
	db, err := opened()
	if err != nil {
		fmt.Fprintf(os.Stderr, "backtrack: %v\n", err)
		ui.NewOpenErrorWindow(start, *dbPath, err).ShowAndRun()
		return err
	}
	opts.Start = start
	desk := ui.NewDesk(a, db, opts)
	desk.StartAutoBackup()  // the day's backup, once the window is up
	desk.StartRecordCheck() // and the day's check of the record's history
	desk.StartWatching()    // other desks' changes show as they land
	desk.Window().ShowAndRun()
	// The desk closes the database it has open: after a restore from
	// backup that is a new handle, not db.
	return desk.Close()
}

// openAside opens the records on another goroutine and returns the wait
// for them: on a new file the migrations take as long as GLFW takes to
// start, and ui.Prepare starts it meanwhile.
func openAside(ctx context.Context, path string, opts ...sqlstore.Option) (wait func() (*sqlstore.Store, error)) {
	type result struct {
		db  *sqlstore.Store
		err error
	}
	done := make(chan result, 1)
	go func() {
		db, err := sqlstore.Open(ctx, path, opts...)
		done <- result{db, err}
	}()
	return func() (*sqlstore.Store, error) {
		r := <-done
		return r.db, r.err
	}
}
