package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"backtrack/store/anchor"
	"backtrack/store/demo"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
)

// sampleClients is the size of the sample practice: enough to search and
// sort, small enough to build in a blink.
const sampleClients = 40

// sampleData is a throwaway practice in its own temporary folder (0700),
// never mixed into the therapist's database, deleted on leaving.
type sampleData struct {
	dir  string
	real *sqlstore.Store // the therapist's own database, back on leaving
}

// openSample builds the sample practice in the background and shows it.
func (d *Desk) openSample() {
	if d.sample != nil {
		return
	}
	d.welcome.Explore.Disable()
	d.welcome.Explore.SetText("Preparing the sample practice…")
	d.tasks.Run(func() func() {
		s, dir, err := newSampleStore(context.Background(), d.opts.SampleDir)
		return func() {
			d.welcome.Explore.Enable()
			d.welcome.Explore.SetText("Explore with sample data")
			if err != nil {
				d.ShowError("Could not prepare the sample practice", err)
				return
			}
			d.sample = &sampleData{dir: dir, real: d.store}
			d.useStore(s)
			d.banner.content.Show()
			d.relayoutChrome()
			d.updateTitle()
			d.start()
		}
	})
}

func newSampleStore(ctx context.Context, parent string) (*sqlstore.Store, string, error) {
	dir, err := os.MkdirTemp(parent, samplePrefix+"*") // 0700
	if err != nil {
		return nil, "", fmt.Errorf("sample practice: %w", err)
	}
	s, err := sqlstore.Open(ctx, filepath.Join(dir, "sample.db"), sqlstore.WithActor(func() string { return demo.Therapist }))
	if err == nil {
		_, err = demo.Fill(ctx, s, demo.Options{Clients: sampleClients, Seed: 7})
		if err != nil {
			s.Close()
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, "", fmt.Errorf("sample practice: %w", err)
	}
	return s, dir, nil
}

// leaveSample goes back to the therapist's own records.
func (d *Desk) leaveSample() {
	d.leaveAll(func() {
		d.closeSample()
		d.start()
	})
}

// closeSample closes and deletes the sample practice, if open.
func (d *Desk) closeSample() {
	if d.sample == nil {
		return
	}
	sample, real := d.store, d.sample.real
	dir := d.sample.dir
	d.sample = nil
	d.useStore(real)
	d.banner.content.Hide()
	d.relayoutChrome()
	d.updateTitle()
	d.tasks.Wait() // nothing may still read the sample file when it goes
	sample.Close()
	os.RemoveAll(dir)
}

// useStore points every screen at s and forgets what was shown.
func (d *Desk) useStore(s *sqlstore.Store) {
	d.store = s
	d.list.Forget()
	d.list.Search.SetText("")
	d.view.Clear()
	d.UpdateActions()
	d.watchStore()
}

// SampleOpen reports whether the sample practice is on screen.
func (d *Desk) SampleOpen() bool { return d.sample != nil }

// closeWindow is the window's close button and File › Quit: long work
// stops, the sample practice goes, then the window closes. The database
// stays open until Close.
func (d *Desk) closeWindow() {
	d.stopAutoBackup()
	d.stopWatching()
	d.tasks.StopLong() // the therapist is quitting: a batch of reports need not finish
	d.closeSample()
	d.window.Close()
}

// Close closes the database the desk has open (after a restore it is not
// the one it started with), once background work has finished: exports,
// reports and backups are stopped first and clean up their partial files,
// so quitting leaves no hidden copy of client data behind.
func (d *Desk) Close() error {
	d.stopAutoBackup()
	d.stopWatching()
	d.stopRecordCheck()
	d.tasks.StopLong()
	d.closeSample()
	d.tasks.Wait()
	return d.store.Close()
}

// reopen opens the records again at path, after a restore replaced the
// file under a closed store.
func (d *Desk) reopen(path string) {
	d.tasks.Run(func() func() {
		s, err := sqlstore.Open(context.Background(), path, sqlstore.WithActor(Actor(d.app)),
			sqlstore.WithAnchors(anchor.In(settings.AnchorsDir())))
		return func() {
			if err != nil {
				d.ShowError("Your records could not be opened again", err)
				return
			}
			d.useStore(s)
			d.start()
		}
	})
}
