package reportdialog

import (
	"context"

	"backtrack/store"
)

// Record is what the report dialogs read of the clinical record: what a
// report prints (store.Records, the interface package report reads), the
// pain trend the dialog counts visits by, and the head of the record's
// history a visit's note prints. The desk gives its store; a test can give
// one that fails in a chosen way.
type Record interface {
	store.Records
	PainTrend(ctx context.Context, clientID int64, period store.Period) ([]store.TrendPoint, error)
	LogHead(ctx context.Context) (store.LogHead, error)
}
