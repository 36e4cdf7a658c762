//go:build !unix

package testkit

import (
	"testing"
	"time"
)

// CPUTime is 0 where the process's CPU time is not read.
func CPUTime() time.Duration { return 0 }

// ReportCPU reports nothing where the process's CPU time is not read.
func ReportCPU(*testing.B, time.Duration) {}
