package bodychart

import "backtrack/store"

// What a chart shows, for the views that hold one and their tests.

// Marks is the session's map the chart shows; nil for a heat map.
func (c *Chart) Marks() []store.BodyMark { return c.marks }

// HeatOf is how many visits the heat map counts for a region, and the
// most any region has.
func (c *Chart) HeatOf(id store.RegionID) (n, most int) { return c.heat[id], c.heatMax }

// Focused is the region the chart rings for the keyboard; "" for none.
func (c *Chart) Focused() store.RegionID { return c.focused }
