package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"backtrack/store"
)

// WriteFile writes a report to path all or nothing: the PDF is built in
// memory, written to a private temporary file (0600) in the same folder,
// synced, and renamed over path only when complete. A failed or cancelled
// export leaves no partial file and never replaces a good report.
func WriteFile(ctx context.Context, path string, d Data, o Options) error {
	var buf bytes.Buffer
	if err := Write(&buf, d, o); err != nil {
		return err
	}
	return writeAtomic(ctx, path, buf.Bytes())
}

func writeAtomic(ctx context.Context, path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp") // CreateTemp makes it 0600
	if err != nil {
		return fmt.Errorf("save report %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("save report %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("save report %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("save report %s: %w", path, err)
	}
	if err = ctx.Err(); err != nil {
		return fmt.Errorf("save report %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save report %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the system allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// FileName proposes a report's file name:
// "Lastname_Firstname_progress_YYYY-MM-DD.pdf". Letters in any script are
// kept; spaces become hyphens; characters that file systems refuse are
// dropped.
func FileName(c store.Client, date time.Time) string {
	name := joinNonEmpty("_", fileSafe(c.LastName), fileSafe(c.FirstName))
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
