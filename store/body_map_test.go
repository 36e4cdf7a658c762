package store_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"backtrack/store"
)

// A region's identifier is what ten years of records keep: this list may
// grow, never change.
func TestRegionIdentifiersAreStable(t *testing.T) {
	want := strings.Fields(`neck shoulder-l shoulder-r upper-back-l upper-back-r lumbar-l lumbar-r lumbar-c
		iliac-crest-l iliac-crest-r sacroiliac-l sacroiliac-r sacral gluteal-upper-l gluteal-upper-r
		gluteal-lower-l gluteal-lower-r hip-lateral-l hip-lateral-r thigh-posterior-l thigh-posterior-r
		thigh-lateral-l thigh-lateral-r calf-l calf-r head chest-l chest-r abdomen arm-l arm-r groin-l groin-r
		thigh-anterior-l thigh-anterior-r knee-l knee-r shin-l shin-r foot-l foot-r`)
	var got []string
	for _, r := range store.Regions() {
		got = append(got, string(r.ID))
	}
	if !slices.Equal(got[:len(want)], want) {
		t.Errorf("regions:\n got %v\nwant %v", got, want)
	}
}

// The migration's SQL and LocationRegions say the same thing.
func TestTheMigrationMapsLocationsAsLocationRegionsDoes(t *testing.T) {
	body, err := os.ReadFile("sqlite/migrations/007_body_chart.sql")
	if err != nil {
		t.Fatal(err)
	}
	inSQL := map[string][]string{}
	for _, m := range regexp.MustCompile(`\('([a-z ]+)', '(left|right|both)', '([a-z-]+)'\)`).FindAllStringSubmatch(string(body), -1) {
		inSQL[m[1]+"|"+m[2]] = append(inSQL[m[1]+"|"+m[2]], m[3])
	}
	if len(inSQL) != 12 {
		t.Fatalf("%d location and side pairs in the migration, want 12", len(inSQL))
	}
	for key, regions := range inSQL {
		name, side, _ := strings.Cut(key, "|")
		var got []string
		for _, id := range store.LocationRegions(store.Tag{Name: name, Side: store.Side(side)}) {
			got = append(got, string(id))
		}
		slices.Sort(got)
		slices.Sort(regions)
		if !slices.Equal(got, regions) {
			t.Errorf("%s: LocationRegions %v, migration %v", key, got, regions)
		}
	}
	if got := store.LocationRegions(store.Tag{Name: "Hip"}); len(got) != 0 {
		t.Errorf("a location without a side is put on %v", got)
	}
}

func TestRegionsAreFoundByNameAsPeopleTypeThem(t *testing.T) {
	for name, want := range map[string]store.RegionID{"Lumbar (L)": "lumbar-l", "lumbar (left)": "lumbar-l",
		"SACRAL": "sacral", "gluteal upper (right)": "gluteal-upper-r", "thigh-lateral-r": "thigh-lateral-r"} {
		if r, ok := store.RegionByName(name); !ok || r.ID != want {
			t.Errorf("%q: %v %v, want %s", name, r.ID, ok, want)
		}
	}
	if _, ok := store.RegionByName("Lumbar"); ok {
		t.Error("a sided region found without its side")
	}
}

func TestWhereItHurtsSaysARegionMarkedAlikeOnBothSidesOnce(t *testing.T) {
	s := store.Session{BodyMap: []store.BodyMark{{Region: "lumbar-l", PainType: store.Tag{Name: "Dull ache"}},
		{Region: "lumbar-r", PainType: store.Tag{Name: "Dull ache"}}, {Region: "calf-l", Intensity: store.PainOf(3)},
		{Region: "calf-r"}, {Region: "sacral"}}, Locations: []store.Tag{{Name: "Hip"}}}
	if got := s.WhereItHurts(); got != "Lumbar (both): Dull ache; Calf (L): 3; Calf (R); Sacral; Hip" {
		t.Errorf("got %q", got)
	}
}

func TestAMarkOnTheBodyChartIsContent(t *testing.T) {
	s := store.Session{BodyMap: []store.BodyMark{{Region: "sacral"}}}
	if !s.HasContent() {
		t.Error("a session whose only record is a mark on the chart has no content")
	}
}
