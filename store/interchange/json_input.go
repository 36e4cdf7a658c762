package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"
)

// jsonInput feeds an import's JSON decoder from the file, checking as it
// goes that the file is text, and keeps the bytes since the element being
// read began, so a problem is placed by line and column without the whole
// file in memory. Offsets count from the first byte after a byte-order
// mark and leading white space, as the decoder's do.
type jsonInput struct {
	r       io.Reader
	started bool
	pending []byte // an incomplete character at the end of the last read
	offset  int64  // bytes handed to the decoder
	// the bytes from base on, and where base is: its line, and the
	// characters between the line's start and base
	window           []byte
	base             int64
	lineAtBase       int
	columnRunsToBase int
}

// errBinary and notUTF8 say the file is no text; readFailed wraps a failure
// to read the file at all.
var errBinary = errors.New("binary data")

type notUTF8 struct{ offset int64 }

func (e notUTF8) Error() string { return "not UTF-8" }

type readFailed struct{ err error }

func (e readFailed) Error() string { return e.err.Error() }
func (e readFailed) Unwrap() error { return e.err }

func (in *jsonInput) Read(p []byte) (int, error) {
	for {
		n, err := in.r.Read(p)
		chunk := p[:n]
		if !in.started {
			chunk = in.skipLeading(chunk)
		}
		if len(chunk) > 0 {
			problem := in.check(chunk, err == io.EOF)
			in.window = append(in.window, chunk...) // to place the problem
			if problem != nil {
				return 0, problem
			}
			copy(p, chunk)
			in.offset += int64(len(chunk))
			return len(chunk), nil
		}
		switch {
		case err == io.EOF && len(in.pending) > 0:
			return 0, notUTF8{in.offset}
		case err == io.EOF:
			return 0, io.EOF
		case err != nil:
			return 0, readFailed{err}
		}
	}
}

// skipLeading drops a byte-order mark and white space before the first
// character of the file.
func (in *jsonInput) skipLeading(chunk []byte) []byte {
	if in.offset == 0 && len(in.window) == 0 {
		chunk = bytes.TrimPrefix(chunk, []byte(utf8BOM))
	}
	chunk = bytes.TrimLeft(chunk, " \t\r\n")
	in.started = len(chunk) > 0
	return chunk
}

// check refuses a chunk holding a NUL byte or bytes that are not UTF-8; a
// character cut by the chunk's end is checked with the next.
func (in *jsonInput) check(chunk []byte, last bool) error {
	if bytes.IndexByte(chunk, 0) >= 0 {
		return errBinary
	}
	text := append(in.pending, chunk...)
	in.pending = nil
	end := len(text)
	if !last {
		for cut := len(text) - 1; cut >= 0 && cut >= len(text)-utf8.UTFMax; cut-- {
			if utf8.RuneStart(text[cut]) {
				if !utf8.FullRune(text[cut:]) {
					end = cut
				}
				break
			}
		}
	}
	if !utf8.Valid(text[:end]) {
		return notUTF8{in.offset - int64(len(text)-len(chunk)) + int64(invalidUTF8At(text[:end]))}
	}
	in.pending = append([]byte(nil), text[end:]...)
	return nil
}

// forget lets the bytes before offset go: no problem will be placed there.
func (in *jsonInput) forget(offset int64) {
	drop := int(offset - in.base)
	if drop <= 0 || drop > len(in.window) {
		return
	}
	gone := in.window[:drop]
	if nl := bytes.LastIndexByte(gone, '\n'); nl >= 0 {
		in.lineAtBase += bytes.Count(gone, []byte("\n"))
		in.columnRunsToBase = utf8.RuneCount(gone[nl+1:])
	} else {
		in.columnRunsToBase += utf8.RuneCount(gone)
	}
	in.window = append(in.window[:0], in.window[drop:]...)
	in.base = offset
}

// lineCol places an offset at a 1-based line and column; one before what
// is kept is placed where the kept bytes begin.
func (in *jsonInput) lineCol(offset int64) (int, int) {
	at := int(min(max(offset-in.base, 0), int64(len(in.window))))
	before := in.window[:at]
	nl := bytes.LastIndexByte(before, '\n')
	line := in.lineAtBase + bytes.Count(before, []byte("\n")) + 1
	if nl >= 0 {
		return line, utf8.RuneCount(before[nl+1:]) + 1
	}
	return line, in.columnRunsToBase + utf8.RuneCount(before) + 1
}

// syntaxAt places a syntax error in a value that began at start, by reading
// the value again from the bytes kept: the decoder counts a stream's
// offsets from where its scanner last began. start 0 is the file's start,
// where the decoder's offset is already right.
func (in *jsonInput) syntaxAt(start, offset int64) int64 {
	at := start - in.base
	if start == 0 || at < 0 || at > int64(len(in.window)) {
		return offset
	}
	var value json.RawMessage
	var syntax *json.SyntaxError
	if errors.As(json.Unmarshal(in.window[at:], &value), &syntax) {
		return start + syntax.Offset
	}
	return start + offset
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
