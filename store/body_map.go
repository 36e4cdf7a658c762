package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The body chart: a session marks named regions of the body, each with a
// pain type and, optionally, an intensity. A region's identifier is stable
// forever (it is what the database, exports and reports keep): regions may
// be added, never renamed or renumbered. The figure's shapes are drawn by
// report/bodymap; here is only what a region means.

// RegionID names a region for good: "lumbar-l", "sacral".
type RegionID string

// Region is one named area of the body chart.
type Region struct {
	ID   RegionID
	Name string // "Lumbar", "Gluteal, upper"
	Side Side   // the client's side: Left, Right, or NoSide on the midline
	Back bool   // on the back view (else the front view)
}

// Label is "Lumbar (L)" or "Sacral".
func (r Region) Label() string {
	if s := r.Side.Short(); s != "" {
		return r.Name + " (" + s + ")"
	}
	return r.Name
}

// regionPairs lists every region, paired where the body has two sides:
// detailed around the lower back, pelvis, hips and thighs, coarser
// elsewhere. Order is the order lists show them in.
var regionPairs = []struct {
	id, name string
	sided    bool
	back     bool
}{
	{"neck", "Neck", false, true},
	{"shoulder", "Shoulder", true, true},
	{"upper-back", "Upper back", true, true},
	{"lumbar", "Lumbar", true, true},
	{"lumbar-c", "Lumbar, central", false, true},
	{"iliac-crest", "Iliac crest", true, true},
	{"sacroiliac", "Sacroiliac", true, true},
	{"sacral", "Sacral", false, true},
	{"gluteal-upper", "Gluteal, upper", true, true},
	{"gluteal-lower", "Gluteal, lower", true, true},
	{"hip-lateral", "Lateral hip", true, true},
	{"thigh-posterior", "Posterior thigh", true, true},
	{"thigh-lateral", "Lateral thigh", true, true},
	{"calf", "Calf", true, true},
	{"head", "Head", false, false},
	{"chest", "Chest", true, false},
	{"abdomen", "Abdomen", false, false},
	{"arm", "Arm", true, false},
	{"groin", "Groin", true, false},
	{"thigh-anterior", "Anterior thigh", true, false},
	{"knee", "Knee", true, false},
	{"shin", "Shin", true, false},
	{"foot", "Foot", true, false},
}

var (
	regions    []Region
	regionByID = map[RegionID]Region{}
	// regionOrder is each region's place in regions, the body chart's order.
	regionOrder = map[RegionID]int{}
)

func init() {
	for _, p := range regionPairs {
		if !p.sided {
			regions = append(regions, Region{ID: RegionID(p.id), Name: p.name, Back: p.back})
			continue
		}
		regions = append(regions, Region{ID: RegionID(p.id + "-l"), Name: p.name, Side: Left, Back: p.back},
			Region{ID: RegionID(p.id + "-r"), Name: p.name, Side: Right, Back: p.back})
	}
	for _, r := range regions {
		regionByID[r.ID] = r
		regionOrder[r.ID] = len(regionOrder)
	}
}

// Regions lists every region of the body chart, back view first.
func Regions() []Region { return slices.Clone(regions) }

// RegionOf returns a region by its identifier.
func RegionOf(id RegionID) (Region, bool) {
	r, ok := regionByID[id]
	return r, ok
}

// RegionByName finds a region by its identifier or its label ("Lumbar (L)",
// "lumbar (left)", "sacral"), in any case and without accents.
func RegionByName(name string) (Region, bool) {
	if r, ok := regionByID[RegionID(Fold(strings.TrimSpace(name)))]; ok {
		return r, true
	}
	key := nameKey(name)
	for _, r := range regions {
		if key == nameKey(r.Label()) || (r.Side != NoSide && key == nameKey(r.Name+" ("+string(r.Side)+")")) ||
			(r.Side == NoSide && key == nameKey(r.Name)) {
			return r, true
		}
	}
	return Region{}, false
}

// locationRegions is how the four location words of before the body chart
// read as regions: what the schema migration does to recorded sessions and
// CSV import does to a file of today. The migration's SQL holds the same
// table; a test keeps them equal.
var locationRegions = map[string][]string{
	"lower back":    {"lumbar"},
	"buttocks":      {"gluteal-upper", "gluteal-lower"},
	"hip":           {"hip-lateral"},
	"back of thigh": {"thigh-posterior"},
}

// LocationRegions returns the regions a location tag ("Hip", left) marks,
// or none when it fits no region: a location the therapist added, or one
// without a side, stays a location word.
func LocationRegions(t Tag) []RegionID {
	bases := locationRegions[Fold(t.Name)]
	var sides []string
	switch t.Side {
	case Left:
		sides = []string{"l"}
	case Right:
		sides = []string{"r"}
	case Both:
		sides = []string{"l", "r"}
	}
	var out []RegionID
	for _, b := range bases {
		for _, s := range sides {
			out = append(out, RegionID(b+"-"+s))
		}
	}
	return out
}

// BodyMark is one region marked in a session.
type BodyMark struct {
	Region    RegionID
	PainType  Tag  // a pain-type term; TermID 0 (and Name "") when not given
	Intensity Pain // optional, 0-10
	// From is the location tag the schema migration (or an import of a
	// file of before) turned into this mark; zero for a mark made on the
	// chart. It keeps the note's seal verifying (NoteHash).
	From Tag
}

// Label is "Lumbar (L): Sharp / stabbing, 7".
func (m BodyMark) Label() string {
	r, ok := RegionOf(m.Region)
	out := string(m.Region)
	if ok {
		out = r.Label()
	}
	return out + m.detail()
}

// detail is ": Sharp / stabbing, 7", or "" when neither was given.
func (m BodyMark) detail() string {
	var parts []string
	if m.PainType.Name != "" {
		parts = append(parts, m.PainType.Name)
	}
	if m.Intensity.Recorded {
		parts = append(parts, strconv.Itoa(m.Intensity.Score))
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

// BodyMapLabels joins the marks for one line: "Lumbar (L): Dull ache; Sacral".
func BodyMapLabels(marks []BodyMark) string {
	labels := make([]string, len(marks))
	for i, m := range marks {
		labels[i] = m.Label()
	}
	return strings.Join(labels, "; ")
}

// MarkOf returns the session's mark on a region, if any.
func (s *Session) MarkOf(id RegionID) (BodyMark, bool) {
	for _, m := range s.BodyMap {
		if m.Region == id {
			return m, true
		}
	}
	return BodyMark{}, false
}

// UnmappedLocations are the session's location words that fit no region of
// the body chart: shown as words beside it.
func (s *Session) UnmappedLocations() []Tag {
	var out []Tag
	for _, t := range s.Locations {
		if len(LocationRegions(t)) == 0 {
			out = append(out, t)
		}
	}
	return out
}

// SortBodyMap puts marks in the order of the region list, so a map reads
// and compares the same however it was tapped.
func SortBodyMap(marks []BodyMark) {
	if len(marks) < 2 {
		return
	}
	slices.SortStableFunc(marks, func(a, b BodyMark) int { return regionOrder[a.Region] - regionOrder[b.Region] })
}

// checkBodyMap reports unknown regions, regions marked twice and intensities
// off the scale.
func (p *Problems) checkBodyMap(marks []BodyMark) {
	seen := map[RegionID]bool{}
	for _, m := range marks {
		r, ok := RegionOf(m.Region)
		switch {
		case !ok:
			p.Add("body_map", fmt.Sprintf("Region %q is not on the body chart", m.Region))
			continue
		case seen[m.Region]:
			p.Add("body_map", fmt.Sprintf("%s is marked twice", r.Label()))
		}
		seen[m.Region] = true
		checkPain(p, "body_map", r.Label(), m.Intensity)
	}
}

// bodyMapKey is a map in a form that compares by region, pain type and
// intensity, whatever the order (where a mark came from is no change).
func bodyMapKey(marks []BodyMark) string {
	parts := make([]string, len(marks))
	for i, m := range marks {
		parts[i] = string(m.Region) + "|" + Fold(m.PainType.Name) + "|" + m.Intensity.String()
	}
	slices.Sort(parts)
	return strings.Join(parts, "\x1e")
}

// migratedOnly reports whether the map is exactly what the migration made
// of the note's location words, and returns those words: such a note is
// sealed as before the body chart existed (note/1), so the hashes written
// then still verify, and any change to its map breaks the seal.
func (s Session) migratedOnly() ([]Tag, bool) {
	from := map[string]Tag{}
	var derived []string
	for _, m := range s.BodyMap {
		if m.From.Name == "" || m.PainType.Name != "" || m.Intensity.Recorded {
			return nil, false
		}
		from[Fold(m.From.Name)+"|"+string(m.From.Side)] = m.From
	}
	tags := slices.Clone(s.Locations)
	for _, t := range from {
		tags = append(tags, t)
		for _, id := range LocationRegions(t) {
			derived = append(derived, string(id)+"||–")
		}
	}
	slices.Sort(derived)
	if strings.Join(derived, "\x1e") != bodyMapKey(s.BodyMap) {
		return nil, false
	}
	return tags, true
}

// MapLocations moves the session's location words that fit regions onto
// the body chart (a file or a caller of before writes them), each mark
// keeping the word it came from; a region already marked with a pain type
// or intensity keeps its mark.
// Words that fit no region stay locations.
func (s *Session) MapLocations() {
	var kept []Tag
	for _, t := range s.Locations {
		ids := LocationRegions(t)
		if len(ids) == 0 {
			kept = append(kept, t)
			continue
		}
		for _, id := range ids {
			i := slices.IndexFunc(s.BodyMap, func(m BodyMark) bool { return m.Region == id })
			switch {
			case i < 0:
				s.BodyMap = append(s.BodyMap, BodyMark{Region: id, From: t})
			case s.BodyMap[i].From.Name == "" && s.BodyMap[i].PainType.Name == "" && !s.BodyMap[i].Intensity.Recorded:
				s.BodyMap[i].From = t // a bare mark and the word are one fact
			}
		}
	}
	s.Locations = kept
	SortBodyMap(s.BodyMap)
}

// RegionsNamed finds the regions a name and side mean in a list of
// locations: "Lumbar" on the left, "Gluteal, upper" on both sides, "Sacral".
func RegionsNamed(name string, side Side) []RegionID {
	var out []RegionID
	key := nameKey(name)
	for _, r := range regions {
		byID := string(r.ID) == Fold(strings.TrimSpace(name))
		if nameKey(r.Name) != key && !byID {
			continue
		}
		if byID || r.Side == NoSide || r.Side == side || side == Both {
			out = append(out, r.ID)
		}
	}
	return out
}

// nameKey compares region names as people type them: "gluteal upper" is
// "Gluteal, upper".
func nameKey(name string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(Fold(name), ",", " ")), " ")
}

// WhereItHurts is the session's chart and its location words on one line,
// a region marked alike on both sides said once: "Lumbar (both): Dull
// ache; Sacral; Hip".
func (s *Session) WhereItHurts() string {
	var parts []string
	done := map[int]bool{}
	for i, m := range s.BodyMap {
		if done[i] {
			continue
		}
		r, ok := RegionOf(m.Region)
		if ok && r.Side == Left {
			twin := RegionID(strings.TrimSuffix(string(m.Region), "-l") + "-r")
			if j := slices.IndexFunc(s.BodyMap, func(o BodyMark) bool { return o.Region == twin }); j >= 0 &&
				s.BodyMap[j].PainType.Name == m.PainType.Name && s.BodyMap[j].Intensity == m.Intensity {
				done[j] = true
				parts = append(parts, r.Name+" (both)"+m.detail())
				continue
			}
		}
		parts = append(parts, m.Label())
	}
	for _, t := range s.UnmappedLocations() {
		parts = append(parts, t.Label())
	}
	return strings.Join(parts, "; ")
}
