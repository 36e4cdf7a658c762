//go:build linux

package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"runtime/debug"
	"strconv"
	"testing"

	"backtrack/store/sqlstore"
)

// BenchmarkClinicVerify is the whole check of the clinic-size practice
// (Verify: the history's chain, every client, note, measure, plan and
// submission against it), reporting the most resident memory the process
// held while it ran (peak-RSS-MB, VmHWM reset before it) beside reading and
// hashing the same rows with raw SQL, a row at a time. The check must not
// grow with the practice: on 7 Dec it held every note at once (1.33 GB
// after the clinic's move to a server).
//
//	BACKTRACK_BENCH_CLINIC=1 go test -run '^$' -bench ClinicVerify -benchtime 1x ./store/sqlstore
func BenchmarkClinicVerify(b *testing.B) {
	ctx := context.Background()
	where := clinicPractice(b)
	s, err := sqlstore.Open(ctx, where)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("backtrack", func(b *testing.B) {
		start, cpu := resetPeakRSS(b), cpuTime()
		for i := 0; i < b.N; i++ {
			if v, err := s.Verify(ctx); err != nil || len(v.Problems) > 0 {
				b.Fatal(v.Problems, err)
			}
		}
		reportCPU(b, cpu)
		reportPeakRSS(b, start)
	})
	if s.OnServer() {
		return // the raw baseline reads a file
	}
	b.Run("baseline", func(b *testing.B) {
		raw, err := sql.Open("sqlite", "file:"+where+"?mode=ro")
		if err != nil {
			b.Fatal(err)
		}
		defer raw.Close()
		start, cpu := resetPeakRSS(b), cpuTime()
		for i := 0; i < b.N; i++ {
			hashEveryRow(b, raw)
		}
		reportCPU(b, cpu)
		reportPeakRSS(b, start)
	})
}

// resetPeakRSS returns what the process holds once the Go heap has given
// back what it no longer uses (the practice's copy was read whole), and
// starts the kernel's high-water mark of resident memory (VmHWM) afresh
// from there.
func resetPeakRSS(b *testing.B) float64 {
	b.Helper()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Skip("the kernel's peak resident memory cannot be reset here: ", err)
	}
	return procStatusMB(b, "VmRSS")
}

// reportPeakRSS adds the process's peak resident memory since
// resetPeakRSS, and how much of it came on top of what it held then.
func reportPeakRSS(b *testing.B, start float64) {
	peak := procStatusMB(b, "VmHWM")
	b.ReportMetric(peak, "peak-RSS-MB")
	b.ReportMetric(peak-start, "peak-over-start-MB")
}

// procStatusMB reads one of /proc/self/status's kB figures, in MB.
func procStatusMB(b *testing.B, field string) float64 {
	b.Helper()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range bytes.Split(status, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte(field+":")); ok {
			kb, err := strconv.ParseFloat(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte("kB")))), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb / 1024
		}
	}
	b.Fatalf("/proc/self/status has no %s", field)
	return 0
}
