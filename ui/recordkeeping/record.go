package recordkeeping

import (
	"context"
	"io"

	"backtrack/store"
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
	ExportTo(ctx context.Context, dir string, format sqlstore.ExportFileFormat) ([]string, error)
	ImportClientsCSV(ctx context.Context, r io.Reader, opts sqlstore.ImportOptions) (sqlstore.ImportSummary, error)
	ImportSessionsCSV(ctx context.Context, r io.Reader, opts sqlstore.ImportOptions) (sqlstore.ImportSummary, error)
	ImportJSON(ctx context.Context, r io.Reader, opts sqlstore.ImportOptions) (sqlstore.ImportSummary, error)
	AuditLog(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error)
	RecordLabels(ctx context.Context) (map[string]string, error)
	// Close lets go of the file before a restore replaces it.
	Close() error
}
