package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"backtrack/store"
	"backtrack/store/safefile"
)

// WriteFile writes a report to path all or nothing: the PDF is built in
// memory, written to a private temporary file (0600) in the same folder,
// synced, and renamed over path only when complete. A failed or cancelled
// export leaves no partial file and never replaces a good report.
func WriteFile(ctx context.Context, path string, d Data, o Options) error {
	return writeFile(ctx, path, "report", func(w io.Writer) error { return Write(w, d, o) })
}

// writeFile builds a PDF in memory with draw and saves it at path all or
// nothing.
func writeFile(ctx context.Context, path, what string, draw func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := draw(&buf); err != nil {
		return err
	}
	err := safefile.WriteAtomic(path, func(w io.Writer) error {
		if err := ctx.Err(); err != nil { // cancelled while the PDF was built
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return fmt.Errorf("save %s %s: %w", what, path, err)
	}
	return nil
}

// FileName proposes a report's file name:
// "Lastname_Firstname_progress_YYYY-MM-DD.pdf". Letters in any script are
// kept; spaces become hyphens; characters that file systems refuse are
// dropped.
func FileName(c store.Client, date time.Time) string {
	name := store.JoinNonEmpty("_", fileSafe(c.LastName), fileSafe(c.FirstName))
	if name == "" {
		name = fmt.Sprintf("client-%d", c.ID)
	}
	return name + "_progress_" + date.Format(store.DateLayout) + ".pdf"
}

func fileSafe(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), "-") {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r), unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r), r == '-', r == '\'', r == '.':
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), ".-")
}
