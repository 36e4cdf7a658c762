package cli

import (
	"backtrack/store/anchor"
	"backtrack/store/settings"
	"backtrack/store/sqlstore"
)

// anchors is the book of heads in the data folder, shared with the desk:
// every command that writes to a record keeps its history's head there,
// and check compares the record with it.
func anchors() *anchor.Book { return anchor.In(settings.AnchorsDir()) }

// anchored opens a store keeping its head in the data folder's book.
func anchored() sqlstore.Option { return sqlstore.WithAnchors(anchors()) }
