package report

import (
	"context"
	"fmt"

	"backtrack/store"
	"backtrack/store/insight"
)

// AddInsights reads the client's insights over the current episode of
// care, whatever the report's period (an episode is not a period: its
// comparisons need all its visits), for the physician's "What has helped".
func (d *Data) AddInsights(ctx context.Context, s store.Records) error {
	rec, err := s.ClientRecord(ctx, d.Client.ID, store.Period{})
	if err != nil {
		return fmt.Errorf("load insights: %w", err)
	}
	ci := insight.OfRecord(rec)
	d.Insights = &ci
	return nil
}

// whatHasHelped prints the findings and the course of the episode of
// care, how they were worked out and the caveats, in the desk's words.
// The physician's edition prints it when asked (Options.Insights).
func (r *renderer) whatHasHelped() {
	if !r.o.Insights || r.d.Insights == nil {
		return
	}
	r.section("What has helped", 4*lineHeight(bodyStyle.size))
	r.paragraph(smallStyle, fmt.Sprintf("Over the current episode of care (%d visits), from the record alone. "+
		"Each comparison in full is in Backtrack's Insights view.", r.d.Insights.Visits))
	for _, sec := range r.d.Insights.Sections() {
		switch sec.Heading {
		case "What the record shows", "The course of the episode", "How it is worked out", "Read with care":
		default:
			continue // the lists of every comparison stay on the desk
		}
		r.pdf.SetY(r.pdf.GetY() + 2)
		r.ensure(lineHeight(labelStyle.size) + 2*lineHeight(bodyStyle.size))
		r.paragraph(labelStyle, sec.Heading)
		s := bodyStyle
		if sec.Heading == "How it is worked out" || sec.Heading == "Read with care" {
			s = smallStyle
		}
		for _, line := range sec.Lines {
			r.paragraph(s, "• "+line)
		}
	}
}
