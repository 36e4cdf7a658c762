package store

// ClientOrder is how the client list is sorted.
type ClientOrder int

const (
	ByLastVisit ClientOrder = iota // most recent visit first; never-seen clients last
	ByName                         // last name, then first name
)

// ClientQuery selects clients for the list.
type ClientQuery struct {
	Text            string // matched against name, phone and email; accents and case ignored
	IncludeArchived bool
	Order           ClientOrder
	Limit           int // 0 means no limit
}
