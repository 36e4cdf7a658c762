package interchange

import (
	"encoding/json"
	"fmt"
	"strings"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// The home programme in a spreadsheet: one cell holds the exercises as the
// JSON export writes them (their own words may hold any punctuation, which
// a list of our own making could not carry back); the adherence cell reads
// "some; hard: Bird-dog".

func programmeCell(programme []recordjson.Exercise) string {
	if len(programme) == 0 {
		return ""
	}
	raw, _ := json.Marshal(programme) // plain strings and ints: never fails
	return string(raw)
}

func parseProgrammeCell(cell string) ([]store.Prescription, string) {
	if strings.TrimSpace(cell) == "" {
		return nil, ""
	}
	var in []recordjson.Exercise
	if err := json.Unmarshal([]byte(cell), &in); err != nil {
		return nil, `The home programme is not a list of exercises as Backtrack writes it ([{"exercise": "bird-dog", "reps": 8}, …])`
	}
	return recordjson.ProgrammeContent(in), ""
}

func adherenceCell(a *recordjson.Adherence) string {
	if a == nil {
		return ""
	}
	if a.Hard != "" {
		return string(a.Level) + "; hard: " + a.Hard
	}
	return string(a.Level)
}

func parseAdherenceCell(cell string) (store.Adherence, string) {
	level, hard, _ := strings.Cut(cell, ";")
	l, ok := store.ParseAdherenceLevel(level)
	if !ok {
		return store.Adherence{}, fmt.Sprintf("Adherence %q is not all, some or none", store.Clip(strings.TrimSpace(level)))
	}
	hard = strings.TrimSpace(hard)
	if hard != "" {
		rest, found := strings.CutPrefix(hard, "hard:")
		if !found {
			return store.Adherence{}, `Adherence says the hard exercise as "some; hard: Bird-dog"`
		}
		hard = strings.TrimSpace(rest)
	}
	return store.Adherence{Level: l, Hard: hard}, ""
}
