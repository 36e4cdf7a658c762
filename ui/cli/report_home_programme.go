package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"backtrack/report"
	"backtrack/store"
	"backtrack/store/sqlstore"
)

// reportHomeProgramme writes the handout of a visit's home exercises: the
// visit given, or the client's latest that gave any.
func reportHomeProgramme(ctx context.Context, env Env, s *sqlstore.Store, f reportFlags, opts report.Options) error {
	var sess store.Session
	var client store.Client
	var err error
	if f.session != "" {
		if sess, client, err = findSession(ctx, s, f.session); err != nil {
			return err
		}
	} else {
		if client, err = findClient(ctx, s, f.client); err != nil {
			return err
		}
		history, err := s.ClientHistory(ctx, client.ID, store.Period{})
		if err != nil {
			return err
		}
		var ok bool
		if sess, ok = store.LatestProgramme(history, time.Time{}); !ok {
			return fmt.Errorf("%s has no visit that gave home exercises", client.FullName())
		}
	}
	if len(sess.Programme) == 0 {
		return fmt.Errorf("the visit of %s gave no home exercises", sess.Start.Format(store.StartLayout))
	}
	out := f.out
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		out = filepath.Join(out, report.HomeProgrammeFileName(client, sess.Start))
	}
	if err := report.WriteHomeProgrammeFile(ctx, out, client, sess, opts); err != nil {
		return err
	}
	if err := s.LogEvent(ctx, store.ReportPrinted, client.UID, fmt.Sprintf("Home exercises of the visit of %s", sess.Start.Format(store.DateLayout))); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%s, %d home exercises from the visit of %s)\n", out, client.FullName(),
		len(sess.Programme), sess.Start.Format(store.DateLayout))
	return nil
}
