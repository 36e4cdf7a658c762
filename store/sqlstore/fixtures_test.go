package sqlstore_test

import "backtrack/store/sqlite"

// Tests seal backups with a small scrypt cost so they stay fast; the format
// and code path are the same.
func init() { sqlite.PassphraseWorkFactor = 10 }
