package words

import "backtrack/store/insight"

// InsightsText is insights' sections as the desk shows them: each heading,
// then its lines as a list, the same sentences the command line prints.
func InsightsText(sections []insight.Section) string {
	s := ""
	for i, sec := range sections {
		if i > 0 {
			s += "\n"
		}
		s += sec.Heading + "\n"
		for _, line := range sec.Lines {
			s += "• " + line + "\n"
		}
	}
	return s
}
