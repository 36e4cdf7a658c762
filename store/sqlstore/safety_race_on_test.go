//go:build race

package sqlstore_test

// raceDetector is on: the race detector slows SQLite work tenfold or more,
// so the kill tests use a smaller practice.
const raceDetector = true
