package store

import "testing"

func TestLogHeadShortNamesTheEntryAndItsHash(t *testing.T) {
	h := LogHead{Seq: 1234, Hash: "3f9a2c1d5e6f"}
	if got := h.Short(); got != "Record #1234 · 3f9a2c1d" {
		t.Errorf("Short() = %q", got)
	}
	if got := (LogHead{}).Short(); got != "" {
		t.Errorf("an empty history: %q", got)
	}
}
