package cli_test

import (
	"os"
	"testing"

	"backtrack/store/testkit"
)

// TestMain starts the private PostgreSQL server for a run with
// BACKTRACK_TEST_ENGINE=postgres, where the commands' tests on a DSN run;
// the data folder, where the commands keep the heads of the records they
// write, is a private one (testkit.RunMain).
func TestMain(m *testing.M) { os.Exit(testkit.RunMain(m)) }
