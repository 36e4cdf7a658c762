package kit

// UnsavedChoice is the answer to "this session has unsaved changes".
type UnsavedChoice int

const (
	KeepEditing UnsavedChoice = iota
	DiscardChanges
	SaveChanges
)
