package store

// ClientOrder is how the client list is sorted.
type ClientOrder int

const (
	ByLastVisit ClientOrder = iota // most recent visit first; never-seen clients last
	ByName                         // last name, then first name
	ByVisits                       // most sessions first, then by name
)

// ClientQuery selects clients for the list.
type ClientQuery struct {
	Text string // matched against name, phone and email; accents and case ignored
	// InNotes matches Text against what was written instead: session notes
	// (S, O, A, P, home care, the other trigger) and the client's medical
	// history, medications and contraindications. Each word matches the
	// start of a word ("sciat" finds "sciatica").
	InNotes         bool
	IncludeArchived bool
	Order           ClientOrder
	Limit           int // 0 means no limit
}

// ListRows is how many clients the desk's list shows at once: the first
// of a clinic's thousands in the list's order (most recent visit first, by
// name, or most visits); typing a name finds any other. Reading every row
// of 20,000 clients would take longer than a frame.
const ListRows = 200
