package ui

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The desk reaches the record through the store's own API, so a second
// engine needs no change here; the kit of widgets knows no record at all;
// the command line draws no window. Each rule is read from the import lines
// of every non-test file under ui/.
func TestUIPackagesImportOnlyWhatTheirRoomAllows(t *testing.T) {
	rules := []struct {
		under     string // folder below ui/ ("" for all of it)
		forbidden []string
	}{
		{"", []string{"backtrack/store/sqlite", "backtrack/store/postgres"}},
		{"kit", []string{"backtrack/store/sqlstore"}},
		{"xlayout", []string{"backtrack/store"}},
		{"cli", []string{"fyne.io/fyne/v2"}},
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, r := range rules {
				if r.under != "" && !strings.HasPrefix(filepath.ToSlash(path), r.under+"/") {
					continue
				}
				for _, bad := range r.forbidden {
					if p == bad || strings.HasPrefix(p, bad+"/") {
						t.Errorf("ui/%s imports %s", filepath.ToSlash(path), p)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
