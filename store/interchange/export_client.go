package interchange

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// ErrNoSuchClient is a client UID the record does not hold.
var ErrNoSuchClient = errors.New("no client with that identifier")

// WriteClientJSON writes one client's record as a Backtrack export: the
// same layout as WriteJSON's (it imports back the same way), holding that
// client alone and the entries of the record's history about them, read
// on one consistent snapshot. It is the machine-readable part of a
// client's copy of their record.
func WriteClientJSON(ctx context.Context, s *sqlstore.Store, clientUID string, w io.Writer) error {
	var out Export
	err := s.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
		var err error
		if out, err = header(r); err != nil {
			return err
		}
		if out.Vocabulary, err = exportTerms(r); err != nil {
			return err
		}
		out.Clients, out.AuditLog = []ExportClient{}, []ExportAuditEntry{}
		if err := eachClient(r, func(c ExportClient) error {
			if c.ID == clientUID {
				out.Clients = append(out.Clients, c)
			}
			return nil
		}); err != nil {
			return err
		}
		if len(out.Clients) == 0 {
			return ErrNoSuchClient
		}
		return r.EachAuditEntry(func(e store.AuditEntry) error {
			if e.Client == clientUID {
				out.AuditLog = append(out.AuditLog, exportAuditEntry(e))
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
