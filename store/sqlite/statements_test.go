package sqlite

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// keptPool is a pool of one connection that keeps its statements, on a
// new file.
func keptPool(t *testing.T, setup ...string) *sql.DB {
	t.Helper()
	db := openPool(dsn(filepath.Join(t.TempDir(), "kept.db"), true))
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	for _, stmt := range setup {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// A statement run again reads with its new arguments; the same text asked
// for while its rows are still being read gets a statement of its own,
// and both readings are whole.
func TestAKeptStatementIsReadInsideItsOwnRows(t *testing.T) {
	db := keptPool(t, `CREATE TABLE n (id INTEGER PRIMARY KEY)`, `INSERT INTO n VALUES (1), (2), (3)`)
	var first int
	if err := db.QueryRow(`SELECT id FROM n WHERE id >= ? ORDER BY id`, 3).Scan(&first); err != nil || first != 3 {
		t.Fatalf("first reading: %d %v", first, err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	const q = `SELECT id FROM n WHERE id >= ? ORDER BY id`
	outer, err := tx.Query(q, 1)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for outer.Next() {
		var a int
		if err := outer.Scan(&a); err != nil {
			t.Fatal(err)
		}
		inner, err := tx.Query(q, a) // the same text, its rows still open
		if err != nil {
			t.Fatal(err)
		}
		for inner.Next() {
			var b int
			if err := inner.Scan(&b); err != nil {
				t.Fatal(err)
			}
			pairs = append(pairs, fmt.Sprintf("%d%d", a, b))
		}
		inner.Close()
	}
	if err := outer.Err(); err != nil {
		t.Fatal(err)
	}
	outer.Close()
	if got := strings.Join(pairs, " "); got != "11 12 13 22 23 33" {
		t.Fatalf("nested readings: %q", got)
	}
}

// A refused write leaves its statement fit for the next; a statement kept
// from before a schema change reads the new schema; more statements than
// are kept push the oldest out and each still runs.
func TestKeptStatementsSurviveRefusalsSchemaChangesAndEviction(t *testing.T) {
	db := keptPool(t, `CREATE TABLE n (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)`)
	const insert = `INSERT INTO n (word) VALUES (?)`
	if _, err := db.Exec(insert, "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(insert, "a"); err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("a duplicate word: %v", err)
	}
	if _, err := db.Exec(insert, "b"); err != nil {
		t.Fatalf("the statement after a refusal: %v", err)
	}
	const all = `SELECT * FROM n ORDER BY id`
	columns := func() int {
		rows, err := db.Query(all)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		types, err := rows.ColumnTypes()
		if err != nil {
			t.Fatal(err)
		}
		// the driver's column types come through a kept statement too
		if name := types[0].DatabaseTypeName(); name != "INTEGER" {
			t.Fatalf("column id is of type %q", name)
		}
		return len(types)
	}
	for range 2 { // parsed, then kept
		if n := columns(); n != 2 {
			t.Fatalf("%d columns", n)
		}
	}
	if _, err := db.Exec(`ALTER TABLE n ADD COLUMN note TEXT NOT NULL DEFAULT ''`); err != nil {
		t.Fatal(err)
	}
	if n := columns(); n != 3 {
		t.Fatalf("after a column was added the kept statement reads %d columns", n)
	}
	for i := 0; i < 2*keptStatements; i++ {
		var got int
		// a text of its own each time: more than are kept
		if err := db.QueryRow(fmt.Sprintf(`SELECT COUNT(*) + %d FROM n`, i)).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != 2+i {
			t.Fatalf("statement %d read %d", i, got)
		}
	}
	var kept int
	conn, err := db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.Raw(func(dc any) error {
		kept = len(dc.(*keepingConn).kept)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if kept > keptStatements {
		t.Fatalf("%d statements kept, at most %d", kept, keptStatements)
	}
	if _, err := db.Exec(insert, "c"); err != nil {
		t.Fatalf("the first statement, pushed out: %v", err)
	}
}
