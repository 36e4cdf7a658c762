package store

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letterFolds covers letters that do not decompose into a base letter plus
// an accent, so "Łukasiewicz" is found by "lukasiewicz".
var letterFolds = strings.NewReplacer(
	"ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "đ", "d", "Đ", "d",
	"ß", "ss", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ı", "i",
)

// Fold returns s in lower case without accents and with runs of space
// squeezed, for search and for case-insensitive uniqueness: "José  Ñúñez"
// becomes "jose nunez".
func Fold(s string) string {
	if isASCII(s) {
		return foldASCII(s)
	}
	s = stripAccents(letterFolds.Replace(s))
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// foldASCII is Fold of ASCII text in one pass, s itself when it is folded
// already: every tag of every note is folded to hash it (tagKey).
func foldASCII(s string) string {
	folded := true
	for i := 0; i < len(s) && folded; i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', asciiSpace(c) && c != ' ':
			folded = false
		case c == ' ':
			folded = i > 0 && i < len(s)-1 && s[i+1] != ' '
		}
	}
	if folded {
		return s
	}
	out := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace(c) {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out = append(out, c)
	}
	return string(out)
}

// asciiSpace is unicode.IsSpace for an ASCII byte, where strings.Fields
// splits.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// accentStrippers keeps the decompose-strip-recompose chains: each holds
// buffers of some kilobytes, and Fold runs for every name a list sorts, so
// making one per call was most of what opening a practice allocated.
var accentStrippers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func stripAccents(s string) string {
	t := accentStrippers.Get().(transform.Transformer)
	defer accentStrippers.Put(t)
	folded, _, err := transform.String(t, s)
	if err != nil {
		return s // invalid input: fall back to lower case only
	}
	return folded
}

// isASCII says s has no accents or special letters to fold.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// PhoneDigits keeps the digits of a phone number, so "+48 601-222" is found
// by "601222".
func PhoneDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SearchText is what client search matches against: names, email and phone
// folded (case and accents ignored), and the phone's digits.
func (c Client) SearchText() string {
	parts := []string{Fold(c.FirstName), Fold(c.LastName), Fold(c.Email), Fold(c.Phone)}
	if d := PhoneDigits(c.Phone); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, " ")
}

// Snippet is the few words of text around the first that begins with one
// of query's words (case and accents ignored, as the notes search reads
// them), "…" where text goes on; "" when no word matches.
func Snippet(text, query string) string {
	words := strings.Fields(text)
	terms := strings.Fields(Fold(query))
	for i, w := range words {
		folded := Fold(w)
		for _, t := range terms {
			if !strings.HasPrefix(folded, t) {
				continue
			}
			const before, after = 4, 8
			from, to := max(0, i-before), min(len(words), i+after+1)
			out := strings.Join(words[from:to], " ")
			if from > 0 {
				out = "…" + out
			}
			if to < len(words) {
				out += "…"
			}
			return out
		}
	}
	return ""
}

// HasAllWords reports whether every word of query begins a word of text,
// case and accents ignored: what makes a note match a notes search.
func HasAllWords(text, query string) bool {
	folded := strings.Fields(Fold(text))
	for _, t := range strings.Fields(Fold(query)) {
		found := false
		for _, w := range folded {
			if strings.HasPrefix(w, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
