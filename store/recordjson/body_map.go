package recordjson

import "backtrack/store"

// Mark is one region of a session's body chart: the region by its
// identifier (and its name, for a person reading the file), the pain type
// by name, and the location word it was made from, if any.
type Mark struct {
	Region    string `json:"region"`
	Name      string `json:"name,omitempty"`
	PainType  string `json:"pain_type,omitempty"`
	Intensity *int   `json:"intensity,omitempty"`
	From      *Tag   `json:"from_location,omitempty"`
}

// FromBodyMap is a body chart with its terms by name.
func FromBodyMap(marks []store.BodyMark) []Mark {
	var out []Mark
	for _, m := range marks {
		e := Mark{Region: string(m.Region), PainType: m.PainType.Name, Intensity: PainScore(m.Intensity)}
		if r, ok := store.RegionOf(m.Region); ok {
			e.Name = r.Label()
		}
		if m.From.Name != "" {
			e.From = &Tag{Name: m.From.Name, Side: m.From.Side}
		}
		out = append(out, e)
	}
	return out
}

// BodyMapContent is the marks with their terms by name only.
func BodyMapContent(marks []Mark) []store.BodyMark {
	var out []store.BodyMark
	for _, e := range marks {
		m := store.BodyMark{Region: store.RegionID(e.Region), PainType: store.Tag{Name: e.PainType}}
		if e.Intensity != nil {
			m.Intensity = store.PainOf(*e.Intensity)
		}
		if e.From != nil {
			m.From = store.Tag{Name: e.From.Name, Side: e.From.Side}
		}
		out = append(out, m)
	}
	return out
}
