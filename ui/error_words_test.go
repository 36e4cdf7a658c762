package ui

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"backtrack/store"
	"backtrack/store/sqlstore"
	"backtrack/ui/internal/desktest"
	"backtrack/ui/internal/words"
)

// goErrorWords are pieces of Go's own error text that must never reach a
// therapist.
var goErrorWords = []string{"open ", "create file", "syscall", ": is a directory", "errno"}

func noGoWords(t *testing.T, what, got string) {
	t.Helper()
	for _, w := range goErrorWords {
		if strings.Contains(got, w) {
			t.Errorf("%s = %q shows Go's error text %q", what, got, w)
		}
	}
}

func TestOpenErrorForAFolderSaysItIsAFolder(t *testing.T) {
	// given --db pointing at a folder
	dir := t.TempDir()
	_, err := sqlstore.Open(context.Background(), dir)
	if err == nil {
		t.Fatal("opened a folder as a database")
	}
	got := words.OpenErrorText(err)
	desktest.MustContain(t, "message", got, "That is a folder")
	noGoWords(t, "message", got)
}

func TestFileProblemsAreSaidInPlainSentences(t *testing.T) {
	wrap := func(errno error) error {
		return fmt.Errorf("open database: create file: %w", &fs.PathError{Op: "open", Path: "/media/stick/backtrack.db", Err: errno})
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{wrap(syscall.EISDIR), "That is a folder"},
		{wrap(syscall.ENOTDIR), "A file stands where a folder"},
		{wrap(syscall.EACCES), "not allowed to read or write"},
		{wrap(syscall.ENOENT), "does not exist"},
		{wrap(syscall.EROFS), "can only be read"},
		{wrap(syscall.ENOSPC), "The disk is full"},
		{fmt.Errorf("import: nothing was imported: %w", store.ErrDiskFull), "The disk is full"},
		{fmt.Errorf("open database s.db: %w", store.ErrReadOnly), "cannot be written"},
	} {
		for what, text := range map[string]string{
			"open":   words.OpenErrorText(tc.err),
			"backup": words.FileTaskErrorText(tc.err),
			"report": words.ReportErrorText(tc.err),
		} {
			desktest.MustContain(t, what+" text for "+tc.want, text, tc.want)
			noGoWords(t, what+" text", text)
			if strings.Contains(text, "database could not be read") {
				t.Errorf("%s text %q blames the database for a file problem", what, text)
			}
		}
	}
}
