package cli_test

import (
	"os"
	"testing"

	"backtrack/store/testkit"
)

// TestMain starts the private PostgreSQL server for a run with
// BACKTRACK_TEST_ENGINE=postgres, where the commands' tests on a DSN run.
func TestMain(m *testing.M) { os.Exit(testkit.RunMain(m)) }
