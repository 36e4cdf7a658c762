package sqlstore_test

import (
	"testing"
	"time"

	"backtrack/store/testkit"
)

// cpuTime and reportCPU are testkit's: the process's CPU time, which the
// load of a shared machine does not inflate as it does wall time.
func cpuTime() time.Duration { return testkit.CPUTime() }

func reportCPU(b *testing.B, start time.Duration) { testkit.ReportCPU(b, start) }
