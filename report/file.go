package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
// dropped. A long name is cut to maxNameBytes at a character boundary, so
// the whole stays far below the 255 bytes a file system allows however many
// bytes its script takes (a batch export adds the client ID to tell two
// cut names apart).
func FileName(c store.Client, date time.Time) string { return fileNameFor(c, "progress", date) }

// EditionFileName is the progress report's file name for an edition:
// the physician's (the usual one) is FileName's, the client's and the
// insurer's say whose they are, so saving one edition after another in a
// folder keeps each rather than offering to replace the last.
func EditionFileName(c store.Client, ed Edition, date time.Time) string {
	if ed == ForPhysician || ed == "" {
		return FileName(c, date)
	}
	return fileNameFor(c, "progress-"+string(ed), date)
}

// IntakeFileName is "Lastname_Firstname_intake_YYYY-MM-DD.pdf".
func IntakeFileName(c store.Client, date time.Time) string { return fileNameFor(c, "intake", date) }

// BlankFormsFileName is the blank paper forms' file name, printed for a
// client who prefers paper to the client's screen.
func BlankFormsFileName(c store.Client, date time.Time) string { return fileNameFor(c, "forms", date) }

func fileNameFor(c store.Client, what string, date time.Time) string {
	name := shorten(store.JoinNonEmpty("_", fileSafe(c.LastName), fileSafe(c.FirstName)), maxNameBytes)
	if name == "" {
		name = fmt.Sprintf("client-%d", c.ID)
	}
	return name + "_" + what + "_" + date.Format(store.DateLayout) + ".pdf"
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

// maxNameBytes bounds the name part of a report's file name: 100 bytes are
// 100 Latin letters or 33 CJK characters, and leave room for the date, the
// ".pdf" and a client ID on every file system (255 bytes a name).
const maxNameBytes = 100

// shorten cuts s to at most max bytes without splitting a character.
func shorten(s string, max int) string {
	for i, r := range s {
		if i+utf8.RuneLen(r) > max {
			return strings.TrimRight(s[:i], ".-_")
		}
	}
	return s
}
