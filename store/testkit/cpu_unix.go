//go:build unix

package testkit

import (
	"syscall"
	"testing"
	"time"
)

// CPUTime is the process's CPU time so far, user and system: on a machine
// shared by several builds, a figure wall time cannot give.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportCPU adds the CPU milliseconds an iteration took since start (a
// CPUTime) as cpu-ms/op.
func ReportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
