package store

import "errors"

// ErrServerBackups means a backup was asked of records kept on a practice
// server, which its own tools (pg_dump, a replica) back up. It is the
// domain's, not the engine's, so the words for it need no database.
var ErrServerBackups = errors.New("these records are on the practice server, which is backed up on the server (pg_dump or a replica), not from the desk")
