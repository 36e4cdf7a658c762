package chart

import (
	"time"
)

// Unit is what the date ticks count in, chosen to suit the span shown.
type Unit int

// The date units, finest first.
const (
	Days Unit = iota
	Weeks
	Months
	Years
)

func (u Unit) String() string {
	switch u {
	case Days:
		return "days"
	case Weeks:
		return "weeks"
	case Months:
		return "months"
	}
	return "years"
}

// Tick is one labelled mark on an axis.
type Tick struct {
	// Pos is the x of a date tick or the y of a pain tick.
	Pos   float64
	Label string
	// Context is the year, drawn on a second line under a day, week or
	// month label: on the first tick and wherever the year turns.
	Context string
}

// valueTicks labels the scale from 0 to its top as finely as the height
// allows.
func valueTicks(f Frame, sc Scale) []Tick {
	step := sc.Max
	for _, s := range sc.Steps {
		if f.Height*s/sc.Max >= f.MinPainTickGap {
			step = s
			break
		}
	}
	var out []Tick
	for i := 0; ; i++ {
		score := float64(i) * step
		if score > sc.Max+1e-9 {
			break
		}
		out = append(out, Tick{
			Pos:   f.Height * (1 - score/sc.Max),
			Label: FormatScore(score),
		})
	}
	return out
}

const day = 24 * time.Hour

// tickStep is one candidate spacing for date ticks; approx only serves to
// skip spacings that cannot possibly fit.
type tickStep struct {
	unit   Unit
	n      int
	approx time.Duration
}

var tickSteps = []tickStep{
	{Days, 1, day}, {Days, 2, 2 * day},
	{Weeks, 1, 7 * day}, {Weeks, 2, 14 * day},
	{Months, 1, 30 * day}, {Months, 2, 61 * day}, {Months, 3, 91 * day}, {Months, 6, 182 * day},
	{Years, 1, 365 * day}, {Years, 2, 730 * day}, {Years, 5, 1826 * day},
	{Years, 10, 3652 * day}, {Years, 25, 9131 * day}, {Years, 50, 18262 * day},
}

// dateTicks picks the finest spacing whose labels do not collide, over the
// whole width including the insets.
func dateTicks(c Chart) (Unit, []Tick) {
	lo, hi := c.timeAt(0), c.timeAt(c.Frame.Width)
	span := hi.Sub(lo)
	if span <= 0 || c.Frame.Width <= 0 {
		return Days, nil
	}
	narrowest := c.Frame.MeasureLabel("Jan") + c.Frame.LabelGap
	for _, s := range tickSteps {
		if c.Frame.Width*float64(s.approx)/float64(span) < narrowest {
			continue
		}
		ticks := c.ticksEvery(s, lo, hi)
		if c.labelsFit(ticks) {
			return s.unit, ticks
		}
	}
	return Years, nil
}

func (c Chart) ticksEvery(s tickStep, lo, hi time.Time) []Tick {
	var out []Tick
	prevYear := 0
	for t := floorTo(lo, s); !t.After(hi); t = advance(t, s) {
		if t.Before(lo) {
			continue
		}
		tick := Tick{Pos: c.XOf(t)}
		switch s.unit {
		case Days, Weeks:
			tick.Label = t.Format("2 Jan")
		case Months:
			tick.Label = t.Format("Jan")
		case Years:
			tick.Label = t.Format("2006")
		}
		if s.unit != Years && t.Year() != prevYear {
			tick.Context = t.Format("2006")
		}
		prevYear = t.Year()
		out = append(out, tick)
	}
	return out
}

// labelsFit reports whether neighbouring labels, centred on their ticks,
// keep at least LabelGap apart.
func (c Chart) labelsFit(ticks []Tick) bool {
	width := func(t Tick) float64 {
		return max(c.Frame.MeasureLabel(t.Label), c.Frame.MeasureLabel(t.Context))
	}
	for i := 1; i < len(ticks); i++ {
		need := (width(ticks[i-1])+width(ticks[i]))/2 + c.Frame.LabelGap
		if ticks[i].Pos-ticks[i-1].Pos < need {
			return false
		}
	}
	return true
}

// floorTo is the last tick boundary at or before t. Multi-unit steps align
// to a fixed calendar grid (even days, even weeks, quarters, decades) so the
// ticks do not shift as visits are added.
func floorTo(t time.Time, s tickStep) time.Time {
	loc := t.Location()
	y, m, d := t.Date()
	switch s.unit {
	case Days:
		return time.Date(y, m, d-mod(dayNumber(t), s.n), 0, 0, 0, 0, loc)
	case Weeks:
		monday := d - (int(t.Weekday())+6)%7
		week := (dayNumber(time.Date(y, m, monday, 0, 0, 0, 0, loc)) - 4) / 7 // 1970-01-05 was a Monday
		return time.Date(y, m, monday-7*mod(week, s.n), 0, 0, 0, 0, loc)
	case Months:
		index := y*12 + int(m) - 1
		return time.Date(y, m-time.Month(index%s.n), 1, 0, 0, 0, 0, loc)
	}
	return time.Date(y-y%s.n, 1, 1, 0, 0, 0, 0, loc)
}

func advance(t time.Time, s tickStep) time.Time {
	switch s.unit {
	case Days:
		return t.AddDate(0, 0, s.n)
	case Weeks:
		return t.AddDate(0, 0, 7*s.n)
	case Months:
		return t.AddDate(0, s.n, 0)
	}
	return t.AddDate(s.n, 0, 0)
}

// dayNumber counts calendar days since 1970-01-01, ignoring the time zone's
// offset so that every calendar day has one number.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / int64(day/time.Second)
}

// mod is the non-negative remainder, so dates before 1970 align too.
func mod(a int64, n int) int {
	return int((a%int64(n) + int64(n)) % int64(n))
}
