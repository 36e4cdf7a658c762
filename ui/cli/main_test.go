package cli_test

import (
	"os"
	"testing"

	"backtrack/store/testkit"
)

// TestMain starts the private PostgreSQL server for a run with
// BACKTRACK_TEST_ENGINE=postgres, where the commands' tests on a DSN run.
// The commands keep the heads of the records they write in the data
// folder: the tests' data folder is a private one, never the user's.
func TestMain(m *testing.M) {
	config, err := os.MkdirTemp("", "backtrack-cli-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", config)
	code := testkit.RunMain(m)
	os.RemoveAll(config)
	os.Exit(code)
}
