package interchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"backtrack/store/interchange"
	"backtrack/store/sqlstore"
	"backtrack/store/testkit"
)

// The interchange's benchmarks run on the sample practice of 300 clients
// and 3,000 sessions. Beside B/op each reports peak-heap-MB, the most heap
// in use while it ran: what grows with a practice when a file is held
// whole, and stays flat when it streams. Each has its baseline in the same
// run, the way the export and import worked before (the whole record in
// memory at once).
const benchClients = 300

func BenchmarkExportJSON(b *testing.B) {
	s := samplePractice(b, benchClients, 10*benchClients)
	benchPeak(b, func() error { return interchange.WriteJSON(context.Background(), s, io.Discard) })
}

func BenchmarkExportJSONBaselineWhole(b *testing.B) {
	s := samplePractice(b, benchClients, 10*benchClients)
	benchPeak(b, func() error {
		e, err := interchange.Read(context.Background(), s)
		if err != nil {
			return err
		}
		return json.NewEncoder(io.Discard).Encode(e)
	})
}

func BenchmarkImportJSON(b *testing.B) {
	file := benchFile(b)
	var s *sqlstore.Store
	benchPeakEach(b, func() { s = testkit.OpenStore(b, fixedNow) }, func() error {
		_, err := interchange.ImportJSON(context.Background(), s, bytes.NewReader(file), interchange.ImportOptions{})
		return err
	})
}

// BenchmarkImportJSONBaselineWhole reads the file whole and decodes it at
// once, as the import did before writing anything.
func BenchmarkImportJSONBaselineWhole(b *testing.B) {
	file := benchFile(b)
	benchPeak(b, func() error {
		data, err := io.ReadAll(bytes.NewReader(file))
		if err != nil {
			return err
		}
		var e interchange.Export
		return json.Unmarshal(data, &e)
	})
}

func benchFile(b *testing.B) []byte {
	var file bytes.Buffer
	if err := interchange.WriteJSON(context.Background(), samplePractice(b, benchClients, 10*benchClients), &file); err != nil {
		b.Fatal(err)
	}
	return file.Bytes()
}

func benchPeak(b *testing.B, run func() error) { benchPeakEach(b, func() {}, run) }

// benchPeakEach runs setup (untimed) and run b.N times, and reports the
// most heap in use above where it began, sampled every millisecond.
func benchPeakEach(b *testing.B, setup func(), run func() error) {
	b.ReportAllocs()
	var peak atomic.Uint64
	for b.Loop() {
		b.StopTimer()
		setup()
		runtime.GC()
		start := heapInUse()
		done := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for {
				if h := heapInUse(); h > start && h-start > peak.Load() {
					peak.Store(h - start)
				}
				select {
				case <-done:
					return
				case <-tick.C:
				}
			}
		}()
		b.StartTimer()
		err := run()
		b.StopTimer()
		close(done)
		<-sampled
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

func heapInUse() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}
