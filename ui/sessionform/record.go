package sessionform

import (
	"context"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/kit"
)

// Record is what the session form asks of the clinical record: the one
// save of a note (Save, with how in the request), the last session to
// copy from, the vocabulary its tag pickers add to, and whether the
// records are on a server (a save then waits for it to come back). The
// desk gives its store; a test can give one that fails in a chosen way.
type Record interface {
	kit.Vocabulary
	Save(ctx context.Context, req sqlstore.SaveRequest) (store.Session, error)
	LastSession(ctx context.Context, clientID int64) (store.Session, error)
	OnServer() bool
}
