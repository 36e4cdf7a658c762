package interchange_test

import (
	"os"
	"testing"

	"backtrack/store/testkit"
)

var (
	fixedNow   = testkit.FixedNow
	mustClient = testkit.MustClient
)

// TestMain runs the tests on the engine BACKTRACK_TEST_ENGINE names.
func TestMain(m *testing.M) { os.Exit(testkit.RunMain(m)) }
