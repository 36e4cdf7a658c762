package sqlstore

import (
	"strings"

	"backtrack/store"
)

// listedIDsAtMost is the most ids a query lists (the engines cap a
// statement's arguments, SQLite at 32,766): the most notes whose tags,
// marks and amendments are read by their ids, more (an export, a check)
// being read by joining their rows to the notes, which suits a whole
// record; the most clients whose kept visits are brought up to date by
// id, more (an import) being brought up to date all at once.
var listedIDsAtMost = 1000

// noteRows picks out the rows of a table of the notes' parts (tags, body
// marks, amendments) that belong to the notes read: by the notes' ids
// for a client's history, so the engine reads them through the table's
// index (a server joining the rows to the notes picks a scan of the whole
// table), or by joining them to the notes that match where.
type noteRows struct {
	out   []store.Session
	where string
	args  []any
}

// filter is the FROM clause's tail and WHERE for table's column holding
// the note's id, with its arguments.
func (n noteRows) filter(column string) (string, []any) {
	if len(n.out) > listedIDsAtMost {
		return ` JOIN sessions s ON s.id = ` + column + ` WHERE ` + n.where, n.args
	}
	ids := make([]any, len(n.out))
	for i, sess := range n.out {
		ids[i] = sess.ID
	}
	return ` WHERE ` + column + ` IN (?` + strings.Repeat(`, ?`, len(ids)-1) + `)`, ids
}
