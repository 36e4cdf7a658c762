package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"backtrack/store/insight"
)

var insightsCommand = command{
	summary: "print what the record shows helps a client (over the current episode of care), or the practice's share of clients reaching an important change",
	usage: `backtrack insights --db PATH --client ID|"First Last"
  backtrack insights --db PATH --practice
  (each finding with its visits on each side and its 95 % interval, in the desk's words, with the caveats;
   on a practice server --practice counts the login's own visits, an auditor's all)`,
	run: runInsights,
}

func runInsights(ctx context.Context, env Env, args []string) error {
	var db, client string
	var practice bool
	fs := newFlags("insights", &db)
	fs.StringVar(&client, "client", "", `client ID or full name ("First Last")`)
	fs.BoolVar(&practice, "practice", false, "the practice view instead of one client")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case practice && client != "":
		return usageError("give --client or --practice, not both")
	case !practice && strings.TrimSpace(client) == "":
		return usageError("--client is required (an ID or a full name), or --practice")
	}
	s, err := openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if practice {
		pr, err := s.PracticeInsights(ctx)
		if err != nil {
			return err
		}
		printSections(env.Stdout, insight.PracticeTitle, pr.Sections())
		return nil
	}
	c, err := findClient(ctx, s, client)
	if err != nil {
		return err
	}
	ci, err := s.ClientInsights(ctx, c.ID)
	if err != nil {
		return err
	}
	printSections(env.Stdout, fmt.Sprintf("Insights for %s %s, over the current episode of care (%d %s)",
		c.FirstName, c.LastName, ci.Visits, pluralVisits(ci.Visits)), ci.Sections())
	return nil
}

// printSections prints a title and each section, its lines as a list.
func printSections(w io.Writer, title string, sections []insight.Section) {
	fmt.Fprintln(w, title)
	for _, sec := range sections {
		fmt.Fprintf(w, "\n%s\n", sec.Heading)
		for _, line := range sec.Lines {
			fmt.Fprintf(w, "  - %s\n", line)
		}
	}
}

func pluralVisits(n int) string {
	if n == 1 {
		return "visit"
	}
	return "visits"
}

// The command adds itself to the list from here so that its file is the
// one place that knows of it.
func init() { commands["insights"] = insightsCommand }
