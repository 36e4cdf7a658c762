package store_test

import (
	"reflect"
	"testing"
	"time"

	"backtrack/store"
)

func point(before, after int) store.TrendPoint {
	p := store.TrendPoint{Start: time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)}
	if before >= 0 {
		p.Before = store.PainOf(before)
	}
	if after >= 0 {
		p.After = store.PainOf(after)
	}
	return p
}

func TestProgressOf(t *testing.T) {
	cases := []struct {
		name      string
		points    []store.TrendPoint
		change    int
		percent   float64
		important bool
		hasChange bool
		relief    float64
	}{
		{"no visits", nil, 0, 0, false, false, 0},
		{"one visit", []store.TrendPoint{point(6, 3)}, 0, 0, false, false, 3},
		{"7 to 4 is important", []store.TrendPoint{point(7, 5), point(5, 4), point(4, 2)}, -3, -42.9, true, true, 5.0 / 3},
		{"2 points from 8 is 25%: not important", []store.TrendPoint{point(8, 6), point(6, 5)}, -2, -25, false, true, 1.5},
		{"1 point from 3 is 33% but 1 point: not important", []store.TrendPoint{point(3, 2), point(2, 1)}, -1, -33.3, false, true, 1},
		{"9 to 7 is 22 %: not", []store.TrendPoint{point(9, 7), point(7, 6)}, -2, -22.2, false, true, 1.5},
		{"8 to 5 is 3 points and 37.5 %", []store.TrendPoint{point(8, 6), point(5, 4)}, -3, -37.5, true, true, 1.5},
		{"1 point from 6 is not", []store.TrendPoint{point(6, 4), point(5, 4)}, -1, -16.7, false, true, 1.5},
		{"worse", []store.TrendPoint{point(3, 2), point(6, 5)}, 3, 100, false, true, 1},
		{"unrecorded visits skipped", []store.TrendPoint{point(-1, 2), point(6, -1), point(-1, -1), point(3, 1)}, -3, -50, true, true, 2},
		{"from 0", []store.TrendPoint{point(0, 0), point(2, 1)}, 2, 0, false, true, 0.5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := store.ProgressOf(tc.points)
			if p.Visits != len(tc.points) || p.HasChange != tc.hasChange || p.Change != tc.change ||
				p.ChangePercent != tc.percent || p.Important != tc.important {
				t.Errorf("progress = %+v", p)
			}
			if d := p.AvgRelief - tc.relief; d > 1e-9 || d < -1e-9 {
				t.Errorf("average relief = %v, want %v", p.AvgRelief, tc.relief)
			}
		})
	}
	if got := store.ImportantThreshold(8); got != 5 {
		t.Errorf("threshold from 8 = %v, want 5 (30 %% of 8 is 2.4: 3 whole points)", got)
	}
	if got := store.ImportantThreshold(3); got != 1 {
		t.Errorf("threshold from 3 = %v, want 1 (2 points)", got)
	}
}

func TestCountTags(t *testing.T) {
	tag := func(name string, side store.Side) store.Tag { return store.Tag{Name: name, Side: side} }
	sessions := []store.Session{
		{Muscles: []store.Tag{tag("Quadratus lumborum", store.Both)}, Triggers: []store.Tag{tag("Sitting long", "")}},
		{Muscles: []store.Tag{tag("Quadratus lumborum", store.Both), tag("Gluteus medius", store.Right)}, TriggerOther: "gardening"},
		{Muscles: []store.Tag{tag("Quadratus lumborum", store.Left)}, Triggers: []store.Tag{tag("Sitting long", "")}},
	}
	var muscles []string
	for _, c := range store.CountTags(sessions, store.Muscle) {
		muscles = append(muscles, c.Label()+"="+string(rune('0'+c.Count)))
	}
	want := []string{"Quadratus lumborum (both)=2", "Gluteus medius (R)=1", "Quadratus lumborum (L)=1"}
	if !reflect.DeepEqual(muscles, want) {
		t.Errorf("muscles = %v, want %v", muscles, want)
	}
	triggers := store.CountTags(sessions, store.Trigger)
	if len(triggers) != 2 || triggers[0].Name != "Sitting long" || triggers[0].Count != 2 || triggers[1].Name != "Other: gardening" {
		t.Errorf("triggers = %+v", triggers)
	}
}
