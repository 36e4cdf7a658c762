//go:build unix

package sqlstore_test

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's CPU time so far, user and system: on a
// machine shared by several builds, a figure wall time cannot give.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU milliseconds an iteration took, from start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
