package recordjson

import (
	"encoding/json"
	"reflect"
	"testing"

	"backtrack/store"
)

// DecodeItems reads a measure's answers exactly as encoding/json does,
// whatever the column holds: the measure's hash is over what it reads.
func TestDecodeItemsIsJSONs(t *testing.T) {
	marshalled, err := EncodeItems([]store.MeasureItem{{Item: "Lifting", Score: 3},
		{Item: "Zoë — 腰痛 🌱", Score: -2}, {Item: "a]b}c,d"}, {Item: "<tag> & \"quoted\" \\ back", Score: 10},
		{Score: 123456}})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{string(marshalled), `[]`, `null`, `[{"item":"x","score":1}]`,
		`[{"item":"x","score":1},{"item":"y","score":2}]`, `[ {"item":"x","score":1}]`, `[{"score":1,"item":"x"}]`,
		`[{"ITEM":"x","score":1}]`, `[{"item":"x","score":01}]`, `[{"item":"x","score":-0}]`, `[{"item":"x","score":1.0}]`,
		`[{"item":"x\u00e9","score":1}]`, "[{\"item\":\"bad\xff\",\"score\":1}]", `[{"item":"x","score":1}]x`,
		`[{"item":"x","score":1},]`, `[{"item":"x","score":99999999999999999999}]`, `[{"item":"x","score":1,"extra":2}]`,
		`[]]`, ``, `[`} {
		var its []itemJSON
		jsonErr := json.Unmarshal([]byte(text), &its)
		var want []store.MeasureItem
		for _, it := range its {
			want = append(want, store.MeasureItem(it))
		}
		got, err := DecodeItems(text)
		if (err != nil) != (jsonErr != nil) {
			t.Errorf("DecodeItems(%q): error %v, encoding/json's %v", text, err, jsonErr)
			continue
		}
		if jsonErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("DecodeItems(%q) = %#v, encoding/json reads %#v", text, got, want)
		}
	}
}
