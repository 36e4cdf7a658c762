package recordkeeping

import (
	"context"
	"io"

	"backtrack/store"
	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
)

// Record is what the File menu's dialogs ask of the clinical record: its
// file (Path: backups go beside it), verified copies, the files it exports
// and imports, and the history of its changes. The desk gives its store;
// a test can give one that fails in a chosen way (record_test.go).
type Record interface {
	Path() string
	Backup(ctx context.Context, dest string) (sqlstore.BackupInfo, error)
	BackupEncrypted(ctx context.Context, dest, passphrase string) (sqlstore.BackupInfo, error)
	ExportTo(ctx context.Context, dir string, format interchange.ExportFileFormat) ([]string, error)
	ImportClientsCSV(ctx context.Context, r io.Reader, opts interchange.ImportOptions) (interchange.ImportSummary, error)
	// ImportMappedCSV imports a list of clients or sessions with any
	// column names, read through m.
	ImportMappedCSV(ctx context.Context, r io.Reader, m interchange.Mapping, opts interchange.ImportOptions) (interchange.ImportSummary, error)
	LastImport(ctx context.Context) (sqlstore.ImportBatch, bool, error)
	UndoLastImport(ctx context.Context) (sqlstore.ImportBatch, error)
	ImportSessionsCSV(ctx context.Context, r io.Reader, opts interchange.ImportOptions) (interchange.ImportSummary, error)
	ImportJSON(ctx context.Context, r io.Reader, opts interchange.ImportOptions) (interchange.ImportSummary, error)
	AuditLog(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error)
	RecordLabels(ctx context.Context) (map[string]string, error)
	// Close lets go of the file before a restore replaces it, and Options
	// opens it again as it was opened.
	Close() error
	Options() []sqlstore.Option
}

// RecordOf is the desk's store as the File menu's dialogs ask for it: its
// own methods, and the files it exports and imports (store/interchange).
func RecordOf(s *sqlstore.Store) Record { return storeRecord{s} }

// storeRecord is a store with its interchange.
type storeRecord struct{ *sqlstore.Store }

func (r storeRecord) ExportTo(ctx context.Context, dir string, format interchange.ExportFileFormat) ([]string, error) {
	return interchange.ExportTo(ctx, r.Store, dir, format)
}

func (r storeRecord) ImportClientsCSV(ctx context.Context, in io.Reader, opts interchange.ImportOptions) (interchange.ImportSummary, error) {
	return interchange.ImportClientsCSV(ctx, r.Store, in, opts)
}

func (r storeRecord) ImportMappedCSV(ctx context.Context, in io.Reader, m interchange.Mapping, opts interchange.ImportOptions) (interchange.ImportSummary, error) {
	return interchange.ImportMappedCSV(ctx, r.Store, in, m, opts)
}

func (r storeRecord) ImportSessionsCSV(ctx context.Context, in io.Reader, opts interchange.ImportOptions) (interchange.ImportSummary, error) {
	return interchange.ImportSessionsCSV(ctx, r.Store, in, opts)
}

func (r storeRecord) ImportJSON(ctx context.Context, in io.Reader, opts interchange.ImportOptions) (interchange.ImportSummary, error) {
	return interchange.ImportJSON(ctx, r.Store, in, opts)
}
