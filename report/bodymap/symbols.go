package bodymap

import (
	"math"
	"sort"

	"backtrack/store"
)

// Symbol is the mark a pain type leaves on a region, so the chart reads in
// grey print and for colour-blind eyes as well as in colour.
type Symbol int

// The symbols; NoType marks a region whose pain type was not given.
const (
	NoType   Symbol = iota // a small ring
	Triangle               // sharp / stabbing: a point
	Disc                   // dull ache: a round, constant mark
	Square                 // stiffness
	Diamond                // decreased mobility
	Bar                    // fatigue: a flat bar
	Arrow                  // referred pain: a chevron pointing down the body
	Cross                  // the therapist's own types, in turn
	Star
	Hexagon
)

// RGB is a colour, 0-255 per channel.
type RGB struct{ R, G, B uint8 }

// Colours from the Okabe-Ito palette, told apart in the common forms of
// colour blindness; the symbol tells them apart in any case.
var (
	builtinSymbols = map[string]Symbol{"sharp / stabbing": Triangle, "dull ache": Disc, "stiffness": Square,
		"decreased mobility": Diamond, "fatigue": Bar, "referred pain": Arrow}
	symbolColours = map[Symbol]RGB{NoType: {90, 90, 90}, Triangle: {213, 94, 0}, Disc: {0, 114, 178},
		Square: {0, 158, 115}, Diamond: {204, 121, 167}, Bar: {230, 159, 0}, Arrow: {86, 180, 233},
		Cross: {0, 0, 0}, Star: {240, 228, 66}, Hexagon: {120, 94, 240}}
	ownSymbols = []Symbol{Cross, Star, Hexagon}
)

// SymbolOf is a pain type's symbol: the built-in types each their own, the
// therapist's own in turn by term.
func SymbolOf(painType store.Tag) Symbol {
	if painType.Name == "" {
		return NoType
	}
	if s, ok := builtinSymbols[store.Fold(painType.Name)]; ok {
		return s
	}
	return ownSymbols[int(painType.TermID)%len(ownSymbols)]
}

// Colour is the symbol's colour.
func (s Symbol) Colour() RGB { return symbolColours[s] }

// Path is the symbol drawn around c with radius r: polygons to fill (a
// Cross is two bars; NoType is a ring drawn as an outline).
func (s Symbol) Path(c Point, r float64) []Polygon {
	at := func(pts ...float64) Polygon {
		var p Polygon
		for i := 0; i+1 < len(pts); i += 2 {
			p = append(p, Point{c.X + pts[i]*r, c.Y + pts[i+1]*r})
		}
		return p
	}
	switch s {
	case Triangle:
		return []Polygon{at(0, -1, 0.95, 0.75, -0.95, 0.75)}
	case Disc:
		return []Polygon{ellipse(c, 0.85*r, 0.85*r, 16)}
	case Square:
		return []Polygon{at(-0.75, -0.75, 0.75, -0.75, 0.75, 0.75, -0.75, 0.75)}
	case Diamond:
		return []Polygon{at(0, -1, 0.85, 0, 0, 1, -0.85, 0)}
	case Bar:
		return []Polygon{at(-1, -0.35, 1, -0.35, 1, 0.35, -1, 0.35)}
	case Arrow:
		return []Polygon{at(-0.9, -0.6, 0, 0.2, 0.9, -0.6, 0.9, 0.1, 0, 0.95, -0.9, 0.1)}
	case Cross:
		return []Polygon{at(-0.9, -0.6, -0.6, -0.9, 0.9, 0.6, 0.6, 0.9), at(0.6, -0.9, 0.9, -0.6, -0.6, 0.9, -0.9, 0.6)}
	case Star:
		var p Polygon
		for i := 0; i < 10; i++ {
			rr := r
			if i%2 == 1 {
				rr = 0.45 * r
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			p = append(p, Point{c.X + rr*math.Cos(a), c.Y + rr*math.Sin(a)})
		}
		return []Polygon{p}
	case Hexagon:
		return []Polygon{ellipse(c, 0.9*r, 0.9*r, 6)}
	}
	return []Polygon{ellipse(c, 0.55*r, 0.55*r, 12)}
}

// Outlined reports whether the symbol is drawn as an outline, not filled.
func (s Symbol) Outlined() bool { return s == NoType }

// Fill is a marked region's tint over paper white (FillOver).
func Fill(m store.BodyMark) RGB { return FillOver(m, RGB{255, 255, 255}) }

// FillOver is a marked region's tint: the pain type's colour, stronger with
// the intensity (a mark without one at the middle strength), mixed toward
// the paper it is drawn on, so a dark screen shows a deep tint rather than
// a pale glare.
func FillOver(m store.BodyMark, paper RGB) RGB {
	strength := 0.45
	if m.Intensity.Recorded {
		strength = 0.18 + 0.06*float64(m.Intensity.Score)
	}
	return mix(paper, SymbolOf(m.PainType).Colour(), strength)
}

func mix(a, b RGB, t float64) RGB {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return RGB{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B)}
}

// LegendEntry is one line of the legend: a symbol, its colour and the pain
// type it stands for.
type LegendEntry struct {
	Symbol Symbol
	Label  string
}

// Legend lists the symbols used by the maps, in the vocabulary's order of
// the built-in types, then the therapist's own, then "type not given".
func Legend(maps ...[]store.BodyMark) []LegendEntry {
	seen := map[Symbol]string{}
	for _, marks := range maps {
		for _, m := range marks {
			s := SymbolOf(m.PainType)
			if _, ok := seen[s]; !ok {
				seen[s] = m.PainType.Name
				if s == NoType {
					seen[s] = "type not given"
				}
			}
		}
	}
	var out []LegendEntry
	for s, label := range seen {
		out = append(out, LegendEntry{Symbol: s, Label: label})
	}
	sort.Slice(out, func(i, j int) bool {
		ki, kj := out[i].Symbol, out[j].Symbol
		if ki == NoType || kj == NoType {
			return kj == NoType && ki != NoType
		}
		return ki < kj
	})
	return out
}

// Heat counts, for each region, how many of the sessions marked it.
func Heat(sessions []store.Session) (counts map[store.RegionID]int, max int) {
	counts = map[store.RegionID]int{}
	for _, s := range sessions {
		for _, m := range s.BodyMap {
			counts[m.Region]++
			if counts[m.Region] > max {
				max = counts[m.Region]
			}
		}
	}
	return counts, max
}

// HeatShade is the tint of a region marked n times out of max over paper
// white (HeatShadeOver).
func HeatShade(n, max int) RGB { return HeatShadeOver(n, max, RGB{255, 255, 255}) }

// HeatShadeOver is the tint of a region marked n times out of max: pale
// yellow to deep red on white, in light-to-dark order so it reads in grey
// print too. Each step of the scale is a hue laid over the paper at some
// strength, so on a dark screen the rarely marked regions sink toward the
// paper instead of glaring, as the marks' tints do (FillOver).
func HeatShadeOver(n, max int, paper RGB) RGB {
	if n <= 0 || max <= 0 {
		return paper
	}
	t := float64(n) / float64(max)
	var onWhite RGB
	if t < 0.5 {
		onWhite = mix(RGB{255, 237, 160}, RGB{253, 141, 60}, t*2)
	} else {
		onWhite = mix(RGB{253, 141, 60}, RGB{177, 0, 38}, (t-0.5)*2)
	}
	hue, strength := overWhite(onWhite)
	return mix(paper, hue, strength)
}

// overWhite finds the hue and the least strength that, laid over white,
// give c: the shade as ink rather than as a finished colour.
func overWhite(c RGB) (hue RGB, strength float64) {
	strength = float64(255-min(c.R, c.G, c.B)) / 255
	if strength == 0 {
		return c, 0
	}
	un := func(x uint8) uint8 { return uint8(math.Round(255 - (255-float64(x))/strength)) }
	return RGB{un(c.R), un(c.G), un(c.B)}, strength
}
