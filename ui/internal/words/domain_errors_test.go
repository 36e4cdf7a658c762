package words

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"backtrack/store"
)

// domainErrors are the errors package store exports, by name. The test
// below reads store's files for the names, so an error added there and
// not here fails it; each must then get a sentence of its own.
var domainErrors = map[string]error{
	"ErrNotFound":           store.ErrNotFound,
	"ErrNewerSchema":        store.ErrNewerSchema,
	"ErrLocked":             store.ErrLocked,
	"ErrDiskFull":           store.ErrDiskFull,
	"ErrReadOnly":           store.ErrReadOnly,
	"ErrUnreachable":        store.ErrUnreachable,
	"ErrBusy":               store.ErrBusy,
	"ErrNotBackup":          store.ErrNotBackup,
	"ErrBackupDamaged":      store.ErrBackupDamaged,
	"ErrPassphraseRequired": store.ErrPassphraseRequired,
	"ErrWrongPassphrase":    store.ErrWrongPassphrase,
	"ErrDatabaseInUse":      store.ErrDatabaseInUse,
	"ErrStale":              store.ErrStale,
	"ErrServerBackups":      store.ErrServerBackups,
	"ErrNotFile":            store.ErrNotFile,
	"ErrNotesWithheld":      store.ErrNotesWithheld,
}

// exportedErrors are the names of the package-level Err… variables in the
// non-test files of dir.
func exportedErrors(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					if strings.HasPrefix(name.Name, "Err") && name.IsExported() {
						names = append(names, name.Name)
					}
				}
			}
		}
	}
	sort.Strings(names)
	return names
}

func TestEveryDomainErrorHasASentenceOfItsOwn(t *testing.T) {
	// given the errors package store exports
	names := exportedErrors(t, filepath.Join("..", "..", "..", "store"))
	if len(names) == 0 {
		t.Fatal("found no Err… variables in store/")
	}
	generic := ErrorText(fmt.Errorf("save session: %w", fmt.Errorf("driver: bad thing")))
	for _, name := range names {
		err, ok := domainErrors[name]
		if !ok {
			t.Errorf("store.%s is not in this test's list: add it, and a sentence for it to namedErrorWords", name)
			continue
		}
		// when the desk says it, wrapped as a save wraps it
		got := ErrorText(fmt.Errorf("save session: %w", err))
		// then it is not the sentence for an error nobody foresaw
		if got == generic {
			t.Errorf("store.%s reads %q, the sentence for an unforeseen error: give it one of its own", name, got)
		}
	}
}

func TestASignedDraftSavedHereSaysToAmend(t *testing.T) {
	// a draft signed at another desk, then saved here
	got := ErrorText(fmt.Errorf("save session 12: %w", store.ErrLocked))
	if !strings.Contains(got, "signed") || !strings.Contains(got, "Amend") {
		t.Errorf("ErrLocked reads %q, want it to say the note is signed and to amend it", got)
	}
}
