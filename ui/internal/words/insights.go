package words

import "backtrack/store/insight"

// InsightsText is insights' sections as the desk shows them in one text:
// each heading, then its lines as a list, the sentences the command line
// prints.
func InsightsText(sections []insight.Section) string {
	s := ""
	for i, sec := range sections {
		if i > 0 {
			s += "\n"
		}
		s += sec.Heading + "\n"
		for _, line := range sec.Lines {
			s += InsightLine(line) + "\n"
		}
	}
	return s
}

// InsightLine is one of a section's lines as an item of its list.
func InsightLine(line string) string { return "• " + line }
