package clientview

import (
	"context"

	"backtrack/store"
	"backtrack/ui/sessionform"
)

// Record is what the client's page asks of the clinical record: the
// client's whole record from one snapshot, what its dialogs save (consent,
// intake, screen, measures, plan), signing, voiding and deleting notes,
// archiving, and what the session form asks (sessionform.Record). The desk
// gives its one store (Shell.Record); a test can give one that fails in a
// chosen way.
type Record interface {
	sessionform.Record
	ReadsNotes() bool
	ClientRecord(ctx context.Context, clientID int64, period store.Period) (store.ClientRecord, error)
	ReassessmentDue(ctx context.Context) ([]store.ReassessmentDue, error)
	SaveConsent(ctx context.Context, clientID int64, consent store.Consent) (store.Consent, error)
	SaveIntake(ctx context.Context, clientID int64, in store.Intake, text store.TypedAlerts, screen *store.RedFlagScreen) error
	SaveScreen(ctx context.Context, clientID int64, screen store.RedFlagScreen) (store.RedFlagScreen, error)
	SaveMeasure(ctx context.Context, m store.Measure) (store.Measure, error)
	SavePlan(ctx context.Context, p store.Plan) (store.Plan, error)
	SignSession(ctx context.Context, id int64, by string) (store.Session, error)
	VoidSession(ctx context.Context, id int64, reason, by string) (store.Session, error)
	DeleteSession(ctx context.Context, id int64) error
	ArchiveClient(ctx context.Context, id int64) error
	UnarchiveClient(ctx context.Context, id int64) error
	// What a client filled in and signed on their own screen, and the
	// therapist's review of it (hand_to_client.go).
	SaveSubmission(ctx context.Context, sub store.Submission) (store.Submission, error)
	Submissions(ctx context.Context, clientID int64) ([]store.Submission, error)
	ReviewSubmission(ctx context.Context, id int64, decisions []store.FormDecision, by string) (store.Submission, error)
}

// ListRecord is what the client list asks of the record: the clients as
// it lists them, and whether this login reads notes (the front desk does
// not: its rows show contact details).
type ListRecord interface {
	SearchClients(ctx context.Context, q store.ClientQuery) ([]store.ClientSummary, error)
	ReadsNotes() bool
}
