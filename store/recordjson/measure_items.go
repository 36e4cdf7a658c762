package recordjson

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"backtrack/store"
)

// DecodeItems reads a measure's answers, as json.Unmarshal into []itemJSON
// does. The column is always what json.Marshal wrote, so that form is read
// directly; anything else (escapes, spaces, other keys, null) goes to
// encoding/json: the day's check reads every measure of ten years, and
// decoding them was a tenth of its time.
func DecodeItems(text string) ([]store.MeasureItem, error) {
	if items, ok := marshalledItems(text); ok {
		return items, nil
	}
	var its []itemJSON
	if err := json.Unmarshal([]byte(text), &its); err != nil {
		return nil, err
	}
	var items []store.MeasureItem
	for _, it := range its {
		items = append(items, store.MeasureItem(it))
	}
	return items, nil
}

// marshalledItems reads exactly json.Marshal's form of []itemJSON, with
// strings that need no unescaping; ok is false for anything else.
func marshalledItems(text string) (items []store.MeasureItem, ok bool) {
	rest, found := strings.CutPrefix(text, "[")
	if !found {
		return nil, false
	}
	for i := 0; ; i++ {
		if r, done := strings.CutPrefix(rest, "]"); done && i == 0 {
			return nil, r == ""
		}
		if i > 0 {
			if rest, found = strings.CutPrefix(rest, ","); !found {
				return nil, false
			}
		}
		if rest, found = strings.CutPrefix(rest, `{"item":"`); !found {
			return nil, false
		}
		end := strings.IndexByte(rest, '"')
		if end < 0 || !plainJSONString(rest[:end]) {
			return nil, false
		}
		item := rest[:end]
		if rest, found = strings.CutPrefix(rest[end:], `","score":`); !found {
			return nil, false
		}
		end = strings.IndexByte(rest, '}')
		if end < 0 || !plainJSONInt(rest[:end]) {
			return nil, false
		}
		score, err := strconv.Atoi(rest[:end])
		if err != nil {
			return nil, false
		}
		items = append(items, store.MeasureItem{Item: item, Score: score})
		rest = rest[end+1:]
		if rest == "]" {
			return items, true
		}
	}
}

// plainJSONString is a JSON string's content that reads as itself: no
// escape, no control character, valid UTF-8 (json.Unmarshal would replace
// invalid bytes).
func plainJSONString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == '\\' || s[i] == '"' {
			return false
		}
	}
	return utf8.ValidString(s)
}

// plainJSONInt is a JSON integer as json.Marshal writes one.
func plainJSONInt(s string) bool {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || (digits[0] == '0' && len(digits) > 1) {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}

// itemJSON is one answer of a measure as the record keeps it.
type itemJSON struct {
	Item  string `json:"item"`
	Score int    `json:"score"`
}

// EncodeItems writes a measure's answers as the record keeps them, the
// form DecodeItems reads directly.
func EncodeItems(items []store.MeasureItem) ([]byte, error) {
	out := make([]itemJSON, len(items))
	for i, it := range items {
		out[i] = itemJSON(it)
	}
	return json.Marshal(out)
}
