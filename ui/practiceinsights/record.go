// Package practiceinsights is the desk's practice view: the share of
// clients reaching an important change by visit, the course by year and
// the caveats, in the words `backtrack insights --practice` prints.
package practiceinsights

import (
	"context"

	"backtrack/store/insight"
)

// Record is what the practice view asks of the clinical record. On a
// clinic server the store counts the login's own clients (an auditor's
// all), so the view needs no filter of its own.
type Record interface {
	PracticeInsights(ctx context.Context) (insight.Practice, error)
}
