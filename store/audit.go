package store

import (
	"strconv"
	"time"
)

// Action is what an audit entry records.
type Action string

// The actions the audit log records.
const (
	LogStarted       Action = "log.started"     // the first entry of a record's log
	RecordMigrated   Action = "record.migrated" // a record that was there when the log began
	ClientCreated    Action = "client.created"  // added at the desk, by import or as sample data
	ClientEdited     Action = "client.edited"
	ClientArchived   Action = "client.archived"
	ClientUnarchived Action = "client.unarchived"
	SessionCreated   Action = "session.created" // a draft, or a note saved and signed at once
	SessionEdited    Action = "session.edited"  // a draft changed
	SessionSigned    Action = "session.signed"
	SessionAmended   Action = "session.amended"
	SessionVoided    Action = "session.voided"
	SessionDiscarded Action = "session.discarded" // a draft thrown away
	RecordsImported  Action = "records.imported"
	ImportUndone     Action = "records.import_undone" // an import of clients taken back as one step
	ClientUnimported Action = "client.import_undone"  // a client an undone import had added, removed with it
	RecordsExported  Action = "records.exported"
	RecordsRestored  Action = "records.restored"
	RecordsBackedUp  Action = "records.backed_up"
	ReportPrinted    Action = "report.printed"
	RecordImported   Action = "record.imported" // a note brought in by an import, with its history
	ImportedLogEntry Action = "log.imported"    // an entry of another record's log, brought by an import
	IntakeSaved      Action = "intake.saved"
	ScreenRecorded   Action = "red_flags.screened"
	ScreenUpdated    Action = "red_flags.updated" // a referral or clearance recorded, an answer corrected
	ConsentRecorded  Action = "consent.recorded"
	ConsentChanged   Action = "consent.changed"      // corrected or withdrawn
	ConsentChecked   Action = "consent.checked"      // a session treating an area without consent: the answer
	SavedOverRedFlag Action = "red_flags.saved_over" // a note saved or signed while a red flag was open
	MeasureRecorded  Action = "measure.recorded"     // an ODI, RMDQ or PSFS from the client's form
	MeasureChanged   Action = "measure.changed"
	MeasureDeleted   Action = "measure.deleted" // entered in error: the entry keeps what it said
	PlanCreated      Action = "plan.created"
	PlanChanged      Action = "plan.changed"
	// What a client filled in and signed themself, sealed as given, and
	// what the therapist did with each of its forms.
	SubmissionReceived Action = "submission.received"
	SubmissionReviewed Action = "submission.reviewed"
)

// ClientCopyGiven is the client's copy of their whole record, written for
// them (report/clientcopy): a read of the record, like a report printed.
const ClientCopyGiven Action = "client.copy_given"

// Words is the action as a line of the record's history reads it.
func (a Action) Words() string {
	switch a {
	case LogStarted:
		return "Record history started"
	case RecordMigrated:
		return "Recorded before the history started"
	case ClientCreated:
		return "Client added"
	case ClientEdited:
		return "Client details changed"
	case ClientArchived:
		return "Client archived"
	case ClientUnarchived:
		return "Client back in the list"
	case SessionCreated:
		return "Session recorded"
	case SessionEdited:
		return "Draft note changed"
	case SessionSigned:
		return "Note signed"
	case SessionAmended:
		return "Note amended"
	case SessionVoided:
		return "Note voided (entered in error)"
	case SessionDiscarded:
		return "Draft discarded"
	case RecordsImported:
		return "Records imported"
	case ImportUndone:
		return "Import undone"
	case ClientUnimported:
		return "Client removed: the import that added them was undone"
	case RecordsExported:
		return "Records exported"
	case RecordsRestored:
		return "Records restored from a backup"
	case RecordsBackedUp:
		return "Records backed up"
	case ReportPrinted:
		return "Report printed"
	case ClientCopyGiven:
		return "Client's copy given"
	case RecordImported:
		return "Note imported with its history"
	case IntakeSaved:
		return "Intake recorded"
	case ScreenRecorded:
		return "Red-flag screen recorded"
	case ScreenUpdated:
		return "Red-flag screen: what was done recorded"
	case ConsentRecorded:
		return "Consent recorded"
	case ConsentChanged:
		return "Consent changed or withdrawn"
	case ConsentChecked:
		return "Treated an area without consent on file: the answer"
	case SavedOverRedFlag:
		return "Note saved with a red flag open"
	case MeasureRecorded:
		return "Outcome measure recorded"
	case MeasureChanged:
		return "Outcome measure corrected"
	case MeasureDeleted:
		return "Outcome measure deleted (entered in error)"
	case PlanCreated:
		return "Treatment plan made"
	case PlanChanged:
		return "Treatment plan changed"
	case SubmissionReceived:
		return "Forms filled in by the client"
	case SubmissionReviewed:
		return "The client's forms reviewed"
	}
	return string(a)
}

// AuditEntry is one line of the append-only audit log. Hash covers Prev and
// every other field, so a changed, inserted or removed entry breaks the
// chain; Content is the hash of the record after the change.
type AuditEntry struct {
	Seq     int64
	At      time.Time
	Actor   string
	Action  Action
	Record  string // the UUID of the client or session; "" for the whole record
	Client  string // the UUID of the client it belongs to
	Detail  string
	Content string
	// Origin is, for an entry an import brought from another record's
	// log, its hash there; "" for an entry written here.
	Origin string
	Prev   string
	Hash   string
}

// Seal computes the entry's hash over its fields and the previous entry's
// hash.
func (e AuditEntry) Seal() string {
	return hashOf("audit/1", e.Prev, strconv.FormatInt(e.Seq, 10), stampText(e.At), e.Actor, string(e.Action),
		e.Record, e.Client, e.Detail, e.Content, e.Origin)
}

// AuditQuery selects entries of the log.
type AuditQuery struct {
	ClientUID string    // "" for every entry
	From, To  time.Time // days, both ends included; zero is open
}
