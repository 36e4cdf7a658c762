package store

import "context"

// Records is what reading the clinical record takes, whichever engine
// keeps it: the progress report and anything else that only reads depend
// on this, not on a database.
type Records interface {
	// ClientRecord reads a client, their sessions in a period and the
	// pain trend of those sessions from one consistent snapshot.
	ClientRecord(ctx context.Context, clientID int64, period Period) (ClientRecord, error)
	// SearchClients lists clients as the desk's list shows them.
	SearchClients(ctx context.Context, q ClientQuery) ([]ClientSummary, error)
}
