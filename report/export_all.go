package report

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"backtrack/store"
)

// BatchProgress is told after each client of a batch export: how many are
// done out of how many, and whose report was just handled.
type BatchProgress func(done, total int, client store.Client)

// BatchResult is what a batch export did.
type BatchResult struct {
	Written []string       // files written, in client order
	Skipped []store.Client // active clients without a visit in the period
	Failed  []ClientError  // clients whose report could not be written
	// Unprintable is, per client written, the fields printed with boxes.
	Unprintable []ClientUnprintable
}

// ClientUnprintable is a client of a batch whose report holds characters
// no font of the report prints (FindUnprintable).
type ClientUnprintable struct {
	Client store.Client
	Fields []Unprintable
}

// ClientError is one client's failure in a batch.
type ClientError struct {
	Client store.Client
	Err    error
}

func (e ClientError) Error() string {
	return fmt.Sprintf("%s: %v", e.Client.FullName(), e.Err)
}

// ExportAll writes one report per active (not archived) client with a visit
// in the period into dir, created 0700 if missing. A client's failure is
// recorded and the batch goes on; cancelling ctx stops it between clients
// and abandons the report being written. Each file is written all or
// nothing (WriteFile).
func ExportAll(ctx context.Context, s store.Records, dir string, period store.Period, o Options, progress BatchProgress) (BatchResult, error) {
	var res BatchResult
	if err := checkPeriod(period); err != nil {
		return res, err
	}
	o = o.withDefaults()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("export reports: %w", err)
	}
	clients, err := s.SearchClients(ctx, store.ClientQuery{Order: store.ByName})
	if err != nil {
		return res, fmt.Errorf("export reports: %w", err)
	}
	used := map[string]bool{}
	for i, c := range clients {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("export reports: %w", err)
		}
		path, unprintable, err := exportOne(ctx, s, dir, c.Client, period, o, used)
		switch {
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return res, fmt.Errorf("export reports: %w", err)
		case errors.Is(err, errNoVisits):
			res.Skipped = append(res.Skipped, c.Client)
		case err != nil:
			res.Failed = append(res.Failed, ClientError{Client: c.Client, Err: err})
		default:
			res.Written = append(res.Written, path)
			if len(unprintable) > 0 {
				res.Unprintable = append(res.Unprintable, ClientUnprintable{c.Client, unprintable})
			}
		}
		if progress != nil {
			progress(i+1, len(clients), c.Client)
		}
	}
	return res, nil
}

var errNoVisits = errors.New("no visit in the period")

func exportOne(ctx context.Context, s store.Records, dir string, c store.Client, period store.Period, o Options, used map[string]bool) (string, []Unprintable, error) {
	d, err := Load(ctx, s, c.ID, period)
	if err != nil {
		return "", nil, err
	}
	if len(d.Sessions) == 0 {
		return "", nil, errNoVisits
	}
	// Two clients of the same name must not overwrite each other's report.
	name := FileName(c, o.Date)
	if used[strings.ToLower(name)] {
		name = strings.TrimSuffix(name, ".pdf") + fmt.Sprintf("_%d.pdf", c.ID)
	}
	used[strings.ToLower(name)] = true
	path := filepath.Join(dir, name)
	return path, FindUnprintable(d, o), WriteFile(ctx, path, d, o)
}
