//go:build !race

package sqlstore_test

// raceDetector is off; see safety_race_on_test.go.
const raceDetector = false
