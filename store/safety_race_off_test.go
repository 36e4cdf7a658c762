//go:build !race

package store_test

// raceDetector is off; see safety_race_on_test.go.
const raceDetector = false
