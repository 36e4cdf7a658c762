package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"backtrack/store/schema"
)

// An upgrade is one transaction: when a migration fails (or the power goes)
// the file keeps the version it had and nothing of the migrations applied
// before the failing one, and the next start upgrades it whole.
func TestAFailedUpgradeLeavesTheFileAsItWas(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "first-run.db")
	last := migrations[len(migrations)-1]
	cut := errors.New("the power went")

	// When the last migration fails on a new file
	_, err := Open(ctx, path, schema.Steps{last.Name: func(context.Context, *sql.Tx) error { return cut }})
	if !errors.Is(err, cut) {
		t.Fatalf("Open = %v, want the last migration's failure", err)
	}

	// Then the file holds no table and no version: not the seventeen
	// migrations before it
	if version, tables := versionAndTables(t, path); version != 0 || tables != 0 {
		t.Errorf("after the failed upgrade: version %d, %d tables; want 0 and 0", version, tables)
	}

	// And the next start makes it whole
	db, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if version, tables := versionAndTables(t, path); version != SchemaVersion() || tables == 0 {
		t.Errorf("after the next start: version %d, %d tables; want %d and the schema's", version, tables, SchemaVersion())
	}
}

func versionAndTables(t *testing.T, path string) (version, tables int) {
	t.Helper()
	raw := openPool(dsn(path, false))
	defer raw.Close()
	err := raw.QueryRow(`SELECT (SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema WHERE type = 'table')`).Scan(&version, &tables)
	if err != nil {
		t.Fatal(err)
	}
	return version, tables
}
