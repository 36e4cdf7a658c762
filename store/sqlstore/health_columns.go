package sqlstore

import (
	"encoding/json"
	"fmt"
	"slices"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// healthColumns are the JSON documents of one client's health record as
// the clients table keeps them.
type healthColumns struct{ intake, redFlags, consents string }

func encodeHealth(h store.Health) (healthColumns, error) {
	intake, screens, consents := recordjson.FromHealth(h)
	var cols healthColumns
	enc := func(v any, empty bool) (string, error) {
		if empty {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	var err error
	if cols.intake, err = enc(intake, intake == nil); err != nil {
		return cols, err
	}
	if cols.redFlags, err = enc(screens, len(screens) == 0); err != nil {
		return cols, err
	}
	cols.consents, err = enc(consents, len(consents) == 0)
	return cols, err
}

func decodeHealth(cols healthColumns) (store.Health, error) {
	var in *recordjson.Intake
	var screens []recordjson.Screen
	var consents []recordjson.Consent
	for _, part := range []struct {
		text string
		into any
	}{{cols.intake, &in}, {cols.redFlags, &screens}, {cols.consents, &consents}} {
		if part.text == "" {
			continue
		}
		if err := json.Unmarshal([]byte(part.text), part.into); err != nil {
			return store.Health{}, fmt.Errorf("read the health record: %w", err)
		}
	}
	var r recordjson.HealthReader
	h := r.Health(in, screens, consents)
	if len(r.Problems) > 0 {
		return h, fmt.Errorf("read the health record: %s: %s", r.Problems[0].Column, r.Problems[0].Message)
	}
	sortHealth(&h)
	return h, nil
}

// sortHealth puts screens and consents oldest first, as they are kept.
func sortHealth(h *store.Health) {
	slices.SortStableFunc(h.Screens, func(a, b store.RedFlagScreen) int { return a.On.Compare(b.On) })
	slices.SortStableFunc(h.Consents, func(a, b store.Consent) int { return a.On.Compare(b.On) })
}
