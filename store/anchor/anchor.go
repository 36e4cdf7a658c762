// Package anchor keeps, outside every database, the last head of its
// record's history that Backtrack saw: a hash chain proves the order of
// its entries, not how many there were, so whoever controls the file could
// cut entries from its end or put an older copy in its place. The head
// kept here, where the file's editor does not write, shows that.
//
// The heads live in one small private file (0600 in a 0700 folder) in the
// data folder, keyed by where each record lives: a database file's
// canonical path, or a practice server's database and the login that saw
// it. Not by the record's own identity (its first entry's hash): copies of
// one record (a backup opened to look, a test copy) share that identity and
// legitimately grow apart, and each would then look like the other's
// tampering. The record's identity is kept beside the head instead, so a
// different record put in the place of the one seen there is recognised.
package anchor

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"backtrack/store/safefile"
)

// Seen is the head of a record's history as Backtrack last saw it.
type Seen struct {
	// Chain is the hash of the history's first entry: which record it is.
	Chain string    `json:"chain"`
	Seq   int64     `json:"seq"`
	Hash  string    `json:"hash"`
	At    time.Time `json:"at"`
	// Restored marks a head a restore moved (the user's act), not a
	// write that extended the history.
	Restored bool `json:"restored,omitempty"`
}

// Book is the file of heads in a folder.
type Book struct{ dir string }

// In is the book kept in dir (created 0700 when first written).
func In(dir string) *Book { return &Book{dir: dir} }

const fileName = "heads.json"

// Get returns the head last seen for key, and whether one was.
func (b *Book) Get(key string) (Seen, bool, error) {
	heads, err := b.read()
	if err != nil {
		return Seen{}, false, err
	}
	h, ok := heads[key]
	return h, ok, nil
}

// Update changes key's head under the book's lock, so two processes (two
// desks, a desk and a command) never lose each other's heads: change gets
// the head kept (and whether there is one) and returns the head to keep,
// or false to keep what is there.
func (b *Book) Update(key string, change func(kept Seen, known bool) (Seen, bool)) error {
	return b.edit(func(heads map[string]Seen) bool {
		kept, known := heads[key]
		next, write := change(kept, known)
		if !write || (known && next == kept) {
			return false
		}
		heads[key] = next
		return true
	})
}

// Forget drops key's head: a record is born at key (Backtrack created its
// file there), so whatever was seen there before belonged to another.
func (b *Book) Forget(key string) error {
	if _, known, err := b.Get(key); err != nil || !known {
		return err
	}
	return b.edit(func(heads map[string]Seen) bool {
		delete(heads, key)
		return true
	})
}

// edit reads the heads under the book's lock and writes them back when
// change says it changed them.
func (b *Book) edit(change func(heads map[string]Seen) bool) error {
	if err := safefile.PrivateDir(b.dir); err != nil {
		return fmt.Errorf("anchor: %w", err)
	}
	unlock, err := lock(filepath.Join(b.dir, "heads.lock"))
	if err != nil {
		return fmt.Errorf("anchor: %w", err)
	}
	defer unlock()
	heads, err := b.read()
	if err != nil {
		return err
	}
	if !change(heads) {
		return nil
	}
	return b.write(heads)
}

// write replaces the file of heads whole.
func (b *Book) write(heads map[string]Seen) error {
	return safefile.WriteAtomic(filepath.Join(b.dir, fileName), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		return enc.Encode(heads)
	})
}

// read loads every head kept; none when the book does not exist yet.
func (b *Book) read() (map[string]Seen, error) {
	heads := map[string]Seen{}
	data, err := os.ReadFile(filepath.Join(b.dir, fileName))
	if errors.Is(err, fs.ErrNotExist) {
		return heads, nil
	}
	if err != nil {
		return nil, fmt.Errorf("anchor: %w", err)
	}
	if err := json.Unmarshal(data, &heads); err != nil {
		return nil, fmt.Errorf("anchor: the file of heads %s is damaged: %w", filepath.Join(b.dir, fileName), err)
	}
	return heads, nil
}
