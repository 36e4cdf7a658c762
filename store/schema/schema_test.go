package schema_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"backtrack/store/postgres"
	"backtrack/store/schema"
	"backtrack/store/sqlite"
)

func files(names ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, n := range names {
		fsys["m/"+n] = &fstest.MapFile{Data: []byte("SELECT 1;")}
	}
	return fsys
}

func TestTheVersionIsTheNumberInTheFileName(t *testing.T) {
	// Given files listed out of their numbers' order by name
	ms, err := schema.Load(files("002_b.sql", "001_a.sql", "010_j.sql", "003_c.sql", "004_d.sql",
		"005_e.sql", "006_f.sql", "007_g.sql", "008_h.sql", "009_i.sql"), "m")
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %d is %s, version %d", i, m.File, m.Version)
		}
	}
	if ms[9].Name != "j" || schema.Latest(ms) != 10 {
		t.Errorf("last = %+v, latest %d, want j, 10", ms[9], schema.Latest(ms))
	}
}

func TestBadlyNamedMigrationsAreRefusedByName(t *testing.T) {
	cases := map[string]struct {
		files []string
		want  string
	}{
		"no number":   {[]string{"001_a.sql", "schema_fix.sql"}, "schema_fix.sql: its name must start with its version number"},
		"one number":  {[]string{"001_a.sql", "002_b.sql", "002_c.sql"}, "share the version 2"},
		"gap":         {[]string{"001_a.sql", "003_c.sql"}, "no migration has the version 2"},
		"sign":        {[]string{"001_a.sql", "-2_b.sql"}, "-2_b.sql: its name must start"},
		"no sql body": {[]string{"01a_x.sql"}, "01a_x.sql: its name must start"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := schema.Load(files(c.files...), "m")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Load(%v) = %v, want an error saying %q", c.files, err, c.want)
			}
		})
	}
}

func TestBothEnginesListTheSameVersions(t *testing.T) {
	lite, pg := sqlite.Migrations(), postgres.Migrations()
	if len(lite) != len(pg) {
		t.Fatalf("SQLite has %d migrations, PostgreSQL %d", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].Version != pg[i].Version {
			t.Errorf("migration %d: SQLite's %s is version %d, PostgreSQL's %s version %d",
				i, lite[i].File, lite[i].Version, pg[i].File, pg[i].Version)
		}
	}
	if sqlite.SchemaVersion() != postgres.SchemaVersion() {
		t.Errorf("SQLite writes version %d, PostgreSQL %d", sqlite.SchemaVersion(), postgres.SchemaVersion())
	}
}
