package store

import (
	"fmt"
	"strconv"
	"strings"
)

// A signature drawn on the client's screen with a finger, a stylus or the
// mouse, kept as the strokes that drew it: points in the pad's own units
// with the moment each was drawn. Lines, not a picture, so it prints sharp
// at any size and its timing is part of what the audit chain seals.

// The bounds of a signature. A name signed by hand is a few strokes of a
// few hundred points; these leave ten times that and refuse a scribble
// that would fill the record (or a pad left pressed under a sleeve).
const (
	SignatureMaxStrokes = 64
	SignatureMaxPoints  = 4000          // every stroke together
	SignatureMaxMillis  = 5 * 60 * 1000 // from the first point to the last
	SignatureMaxSide    = 4000          // the pad's width and height, in its units
)

// SignaturePoint is one point of a stroke: where, in the pad's units from
// its top left corner, and when, in milliseconds after the signature's
// first point.
type SignaturePoint struct {
	X, Y int
	T    int
}

// Stroke is one line drawn without lifting the finger.
type Stroke []SignaturePoint

// Signature is what was drawn on a pad of Width × Height units.
type Signature struct {
	Width, Height int
	Strokes       []Stroke
}

// Empty reports a signature with nothing drawn.
func (s Signature) Empty() bool { return s.Points() == 0 }

// Points counts the points of every stroke.
func (s Signature) Points() int {
	n := 0
	for _, st := range s.Strokes {
		n += len(st)
	}
	return n
}

// Validate says, in a sentence, why a signature cannot be kept: larger
// than the bounds, a point outside its pad, or time running backwards.
func (s Signature) Validate() error {
	switch {
	case s.Empty():
		return nil
	case s.Width <= 0 || s.Height <= 0 || s.Width > SignatureMaxSide || s.Height > SignatureMaxSide:
		return fmt.Errorf("the signature's pad is %d × %d: each side must be 1 to %d", s.Width, s.Height, SignatureMaxSide)
	case len(s.Strokes) > SignatureMaxStrokes:
		return fmt.Errorf("the signature has %d strokes, more than the %d a signature may have: clear it and sign again", len(s.Strokes), SignatureMaxStrokes)
	case s.Points() > SignatureMaxPoints:
		return fmt.Errorf("the signature has %d points, more than the %d a signature may have: clear it and sign again", s.Points(), SignatureMaxPoints)
	}
	last := 0
	for i, st := range s.Strokes {
		for _, p := range st {
			if p.X < 0 || p.Y < 0 || p.X > s.Width || p.Y > s.Height {
				return fmt.Errorf("stroke %d of the signature goes outside its pad (%d, %d)", i+1, p.X, p.Y)
			}
			if p.T < last {
				return fmt.Errorf("stroke %d of the signature goes back in time", i+1)
			}
			last = p.T
		}
	}
	if last > SignatureMaxMillis {
		return fmt.Errorf("the signature took %d s, longer than the %d s a signature may take: clear it and sign again", last/1000, SignatureMaxMillis/1000)
	}
	return nil
}

// Text is the signature in one line of text, what its hash reads and the
// JSON export carries: "W×H|x,y,t x,y,t|x,y,t".
func (s Signature) Text() string {
	if s.Empty() {
		return ""
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(s.Width) + "x" + strconv.Itoa(s.Height))
	for _, st := range s.Strokes {
		b.WriteByte('|')
		for i, p := range st {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) + "," + strconv.Itoa(p.T))
		}
	}
	return b.String()
}

// ParseSignature reads Text back.
func ParseSignature(text string) (Signature, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return Signature{}, nil
	}
	parts := strings.Split(text, "|")
	var s Signature
	if _, err := fmt.Sscanf(parts[0], "%dx%d", &s.Width, &s.Height); err != nil {
		return Signature{}, fmt.Errorf("the signature's pad %q is not W x H", Clip(parts[0]))
	}
	if len(parts)-1 > SignatureMaxStrokes {
		return Signature{}, fmt.Errorf("the signature has %d strokes, more than the %d a signature may have", len(parts)-1, SignatureMaxStrokes)
	}
	for i, part := range parts[1:] {
		var st Stroke
		for _, field := range strings.Fields(part) {
			p, ok := parsePoint(field)
			if !ok {
				if _, err := fmt.Sscanf(field, "%d,%d,%d", &p.X, &p.Y, &p.T); err != nil {
					return Signature{}, fmt.Errorf("stroke %d of the signature: %q is not x,y,t", i+1, Clip(field))
				}
			}
			st = append(st, p)
		}
		s.Strokes = append(s.Strokes, st)
	}
	return s, s.Validate()
}

// parsePoint reads a point written as Text writes it ("x,y,t") without
// fmt's scanner, which was most of reading a signature (the daily check
// reads every client's signed forms); anything else is left to the
// scanner, so what is accepted does not change.
func parsePoint(field string) (SignaturePoint, bool) {
	x, rest, ok1 := strings.Cut(field, ",")
	y, t, ok2 := strings.Cut(rest, ",")
	if !ok1 || !ok2 {
		return SignaturePoint{}, false
	}
	var p SignaturePoint
	var errX, errY, errT error
	p.X, errX = strconv.Atoi(x)
	p.Y, errY = strconv.Atoi(y)
	p.T, errT = strconv.Atoi(t)
	return p, errX == nil && errY == nil && errT == nil
}

// Hash is the signature's seal: "" for none.
func (s Signature) Hash() string {
	if s.Empty() {
		return ""
	}
	return "signature/1:" + hashOf(s.Text())
}
