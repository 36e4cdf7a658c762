package kit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"backtrack/store"
)

// missingGlyphs is the characters of text the font has no glyph for.
func missingGlyphs(t *testing.T, font fyne.Resource, text string) string {
	t.Helper()
	f, err := sfnt.Parse(font.Content())
	if err != nil {
		t.Fatalf("%s: %v", font.Name(), err)
	}
	var buf sfnt.Buffer
	var missing strings.Builder
	for _, r := range text {
		if unicode.IsControl(r) || unicode.IsSpace(r) || strings.ContainsRune(missing.String(), r) {
			continue
		}
		if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
			missing.WriteRune(r)
		}
	}
	return missing.String()
}

func TestTheClientListsPainChangeIsInTheDesksOwnFont(t *testing.T) {
	// Given the client list's "6→4" (under wine, which has no system font
	// with an arrow, Fyne's Noto Sans drew it as "6�4")
	text := PainChange(store.PainOf(6), store.PainOf(4))

	// Then each of its characters is in the font the desk writes with
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		font := NewDeskTheme(AppearanceSystem).Font(style)
		if missing := missingGlyphs(t, font, text); missing != "" {
			t.Errorf("%q in %s: no glyph for %q", text, font.Name(), missing)
		}
	}
}

func TestEveryCharacterTheDeskWritesIsInItsFont(t *testing.T) {
	// Given every string literal of the desk's code and of the chart
	// geometry it shares with the report (its tooltips: "pain 4 → 2")
	var text strings.Builder
	for _, dir := range []string{"..", "../../report/chart"} { // the whole desk, every room
		text.WriteString(stringLiterals(t, dir))
	}

	// Then the desk's fonts draw all of them, whatever fonts the system has
	deskTheme := NewDeskTheme(AppearanceSystem)
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		font := deskTheme.Font(style)
		if missing := missingGlyphs(t, font, text.String()); missing != "" {
			t.Errorf("%s has no glyph for %q, which the desk writes", font.Name(), missing)
		}
	}
	// and the themes painted over parts of the window use the same fonts
	for _, th := range []fyne.Theme{AlertTheme{Theme: theme.DefaultTheme()}, SampleTheme{Theme: theme.DefaultTheme()}} {
		if th.Font(fyne.TextStyle{Bold: true}) != deskTheme.Font(fyne.TextStyle{Bold: true}) {
			t.Errorf("%T writes in another font than the desk", th)
		}
	}
}

// stringLiterals is the text of every string literal in the non-test Go
// files under dir.
func stringLiterals(t *testing.T, dir string) string {
	t.Helper()
	var out strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out.WriteString(s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}
