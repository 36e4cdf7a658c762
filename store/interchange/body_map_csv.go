package interchange

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// The body chart in a spreadsheet: one cell lists the marks,
// "Lumbar (L) [lumbar-l]: Sharp / stabbing, 7; Sacral [sacral]", each region
// by name and identifier. A mark made from a location word is written as
// that word in the locations column too, so the file reads back as it was.

// bodyMapCell writes the marks of a session for its CSV row.
func bodyMapCell(marks []recordjson.Mark) string {
	parts := make([]string, len(marks))
	for i, m := range marks {
		parts[i] = m.Name + " [" + m.Region + "]"
		var what []string
		if m.PainType != "" {
			what = append(what, m.PainType)
		}
		if m.Intensity != nil {
			what = append(what, strconv.Itoa(*m.Intensity))
		}
		if len(what) > 0 {
			parts[i] += ": " + strings.Join(what, ", ")
		}
	}
	return strings.Join(parts, "; ")
}

// locationsCell is the locations column: the session's location words and
// the words its marks were made from.
func locationsCell(s recordjson.Session) string {
	tags := append([]recordjson.Tag(nil), s.Locations...)
	seen := map[recordjson.Tag]bool{}
	for _, m := range s.BodyMap {
		if m.From != nil && !seen[*m.From] {
			seen[*m.From] = true
			tags = append(tags, *m.From)
		}
	}
	return tagList(tags)
}

var (
	markRegionID  = regexp.MustCompile(`^(.*?)\s*\[([a-z0-9-]+)\]$`)
	markIntensity = regexp.MustCompile(`^(?:(.*?),\s*)?(-?\d+)$`)
)

// parseBodyMapCell reads a body_map cell; each problem is one message.
func parseBodyMapCell(cell string) (marks []recordjson.Mark, problems []string) {
	for _, item := range strings.Split(cell, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		region, what, _ := strings.Cut(item, ":")
		region = strings.TrimSpace(region)
		var m recordjson.Mark
		if sub := markRegionID.FindStringSubmatch(region); sub != nil {
			m.Region = sub[2]
		} else if r, ok := store.RegionByName(region); ok {
			m.Region = string(r.ID)
		} else {
			problems = append(problems, fmt.Sprintf("%q is not a region of the body chart", store.Clip(region)))
			continue
		}
		what = strings.TrimSpace(what)
		if sub := markIntensity.FindStringSubmatch(what); sub != nil {
			n, _ := strconv.Atoi(sub[2])
			m.Intensity, what = &n, strings.TrimSpace(sub[1])
		}
		m.PainType = what
		marks = append(marks, m)
	}
	return marks, problems
}

// splitRegionNames takes out of a locations list the entries that name a
// body chart region ("Lumbar (left)", "Sacral") as marks; today's location
// words stay, and the store maps them.
func splitRegionNames(tags []recordjson.Tag) (locations []recordjson.Tag, marks []recordjson.Mark) {
	for _, t := range tags {
		if len(store.LocationRegions(store.Tag{Name: t.Name, Side: t.Side})) == 0 {
			if ids := store.RegionsNamed(t.Name, t.Side); len(ids) > 0 {
				for _, id := range ids {
					marks = append(marks, recordjson.Mark{Region: string(id)})
				}
				continue
			}
		}
		locations = append(locations, t)
	}
	return locations, marks
}

// resolveImportBodyMap turns an export's marks into marks on this record's
// vocabulary, adding a pain type or location it lacks; each problem is
// reported through report.
func (im *importer) resolveImportBodyMap(marks []recordjson.Mark, report func(string)) ([]store.BodyMark, error) {
	out := recordjson.BodyMapContent(marks)
	for i := range out {
		m := &out[i]
		if _, ok := store.RegionOf(m.Region); !ok {
			report(fmt.Sprintf("region %q is not on the body chart", store.Clip(string(m.Region))))
		}
		for _, ref := range []struct {
			tag  *store.Tag
			kind store.Kind
		}{{&m.PainType, store.PainType}, {&m.From, store.Location}} {
			if ref.tag.Name == "" {
				continue
			}
			tags, err := im.resolveImportTags(ref.kind, []recordjson.Tag{{Name: ref.tag.Name, Side: ref.tag.Side}}, report)
			if err != nil {
				return nil, err
			}
			if len(tags) == 1 {
				*ref.tag = tags[0]
			}
		}
	}
	return out, nil
}
