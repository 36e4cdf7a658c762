package fhir

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The Bundle writes its strings itself, for speed: they must read back as
// the same text, written byte for byte as encoding/json writes them.
func FuzzStringsAreWrittenAsEncodingJSONWritesThem(f *testing.F) {
	for _, s := range []string{"", "Marta Nowak-Świątek", "a\"b\\c\n\r\t\b\f\x00\x1f", "<div>&amp;</div>", "\u2028\u2029",
		"bad \xff utf-8 \xe2\x82", "O'Brien'); DROP TABLE clients;--", "日本語 🙂"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		writeString(&b, s)
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Fatalf("%q written as %s, encoding/json writes %s", s, b.Bytes(), want)
		}
	})
}

func TestAnObjectIsWrittenAsEncodingJSONIndentsIt(t *testing.T) {
	o := object{}.with("resourceType", "Observation").with("valueInteger", 0).with("active", false).
		with("value", 35.6).with("empty", "").with("given", []string{"Marta"}).
		with("note", []object{text("Before <treatment> & after")}).with("nothing", []object{})
	var b bytes.Buffer
	if err := writeObject(&b, o, 4, true); err != nil {
		t.Fatal(err)
	}
	// the indented and the compact writing say the same, in order, and
	// leave the empty members out
	var compact, again bytes.Buffer
	if err := json.Compact(&compact, b.Bytes()); err != nil {
		t.Fatal(err)
	}
	raw, err := o.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&again, raw); err != nil {
		t.Fatal(err)
	}
	if compact.String() != again.String() {
		t.Fatalf("pretty and compact differ:\n%s\n%s", compact.String(), again.String())
	}
	const expect = `{"resourceType":"Observation","valueInteger":0,"active":false,"value":35.6,"given":["Marta"],` +
		`"note":[{"text":"Before \u003ctreatment\u003e \u0026 after"}]}`
	if compact.String() != expect {
		t.Errorf("written\n%s\nwant\n%s", compact.String(), expect)
	}
}
