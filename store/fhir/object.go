package fhir

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// object is a JSON object whose members are written in the order given,
// so a resource reads as FHIR's own examples do (resourceType and id
// first) and the same record always gives the same bytes. Members whose
// value is empty (nil, "", an empty list or object) are left out: FHIR
// forbids empty elements.
type object []member

type member struct {
	name  string
	value any
}

// with returns o with name set to value, unless the value is empty.
func (o object) with(name string, value any) object {
	if isEmpty(value) {
		return o
	}
	if o == nil {
		o = make(object, 0, 8) // most objects hold a few members: one allocation, not four
	}
	return append(o, member{name, value})
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case object:
		return len(x) == 0
	case []object:
		return len(x) == 0
	case []string:
		return len(x) == 0
	}
	return false
}

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := writeObject(&b, o, 0, false); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeObject writes o into b, indented by two spaces a level from indent
// spaces when pretty, as json.MarshalIndent lays out a value. It writes
// nested objects itself: through MarshalJSON, encoding/json would check
// and copy each nested object's bytes again at every level above it, and
// a practice's Bundle took several times as long as its JSON export.
func writeObject(b *bytes.Buffer, o object, indent int, pretty bool) error {
	if len(o) == 0 {
		b.WriteString("{}")
		return nil
	}
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		newline(b, indent+2, pretty)
		writeString(b, m.name)
		b.WriteByte(':')
		if pretty {
			b.WriteByte(' ')
		}
		if err := writeValue(b, m.value, indent+2, pretty); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
	}
	newline(b, indent, pretty)
	b.WriteByte('}')
	return nil
}

func writeValue(b *bytes.Buffer, v any, indent int, pretty bool) error {
	switch x := v.(type) {
	case object:
		return writeObject(b, x, indent, pretty)
	case []object:
		b.WriteByte('[')
		for i, o := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, indent+2, pretty)
			if err := writeObject(b, o, indent+2, pretty); err != nil {
				return err
			}
		}
		if len(x) > 0 {
			newline(b, indent, pretty)
		}
		b.WriteByte(']')
		return nil
	case []string:
		b.WriteByte('[')
		for i, s := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, indent+2, pretty)
			writeString(b, s)
		}
		if len(x) > 0 {
			newline(b, indent, pretty)
		}
		b.WriteByte(']')
		return nil
	}
	return writeScalar(b, v)
}

const spaces = "                                                                "

// newline starts a line indented by indent spaces, when pretty.
func newline(b *bytes.Buffer, indent int, pretty bool) {
	if !pretty {
		return
	}
	b.WriteByte('\n')
	for indent > len(spaces) {
		b.WriteString(spaces)
		indent -= len(spaces)
	}
	b.WriteString(spaces[:indent])
}

// writeScalar writes a string, number or boolean as encoding/json does
// (strings with <, > and & escaped, invalid UTF-8 as U+FFFD), without its
// reflection: a practice's Bundle holds millions of them.
func writeScalar(b *bytes.Buffer, v any) error {
	var buf [64]byte
	switch x := v.(type) {
	case string:
		writeString(b, x)
	case int:
		b.Write(strconv.AppendInt(buf[:0], int64(x), 10))
	case bool:
		b.Write(strconv.AppendBool(buf[:0], x))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%v is not a JSON number", x)
		}
		b.Write(strconv.AppendFloat(buf[:0], x, 'f', -1, 64))
	default:
		raw, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(raw)
	}
	return nil
}

const hexDigits = "0123456789abcdef"

func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			b.WriteString(`\u202`)
			b.WriteByte(hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// derivedID is a UUID (version 5 layout, over SHA-1) made from the
// record's own identifiers, for a resource Backtrack keeps no UUID of its
// own for (the pain before a visit, an amendment's provenance): the same
// record exports the same ids, every time, on every machine.
func derivedID(parts ...string) string {
	sum := sha1.Sum([]byte("backtrack/fhir\x00" + strings.Join(parts, "\x00")))
	sum[6] = sum[6]&0x0f | 0x50
	sum[8] = sum[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

// ref is a reference to a resource of the Bundle by its fullUrl.
func ref(id string) object { return object{}.with("reference", "urn:uuid:"+id) }

// text is a CodeableConcept of words only: for what no code system we may
// ship names.
func text(words string) object { return object{}.with("text", words) }

// coded is a CodeableConcept with one coding and its words.
func coded(system, code, display, words string) object {
	return object{}.with("coding", []object{object{}.with("system", system).with("code", code).with("display", display)}).
		with("text", words)
}

// date is a FHIR date: "2026-10-01", or "" when unknown.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// instant is a moment the record keeps as one (a signature, an
// amendment): FHIR instant/dateTime in UTC.
func instant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// wallClock writes a session's time, which the record keeps as the
// practice's wall clock, in the zone the practice is in: FHIR requires a
// zone with a time of day.
func wallClock(t time.Time, zone *time.Location) string {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, d, h, mi, s, 0, zone).Format(time.RFC3339)
}
