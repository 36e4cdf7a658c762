package interchange

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// WriteJSON writes the whole record to w as a Backtrack export, read on one
// consistent snapshot.
func WriteJSON(ctx context.Context, s *sqlstore.Store, w io.Writer) error {
	err := s.Snapshot(ctx, func(r *sqlstore.Snapshot) error { return writeJSON(r, w) })
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// writeJSON writes the export record by record: the frame of the object
// and its lists by hand, each element by an encoder, so only one client
// with their sessions is in memory at a time. The history comes before the
// clients, as an import brings it in first. The layout is what
// json.Encoder with a two-space indent writes for the whole export.
func writeJSON(r *sqlstore.Snapshot, out io.Writer) error {
	w := bufio.NewWriterSize(out, 64<<10)
	head, err := header(r)
	if err != nil {
		return err
	}
	vocabulary, err := exportTerms(r)
	if err != nil {
		return err
	}
	field := func(name string, v any, last bool) {
		fmt.Fprintf(w, "  %q: ", name)
		raw, _ := json.Marshal(v)
		w.Write(raw)
		if !last {
			w.WriteString(",")
		}
		w.WriteString("\n")
	}
	w.WriteString("{\n")
	field("format", head.Format, false)
	field("version", head.Version, false)
	field("schema_version", head.SchemaVersion, false)
	field("exported_at", head.ExportedAt, false)
	list := newListWriter(w)
	list.open("vocabulary")
	for _, t := range vocabulary {
		list.item(t)
	}
	list.close(false)
	list.open("audit_log")
	if err := r.EachAuditEntry(func(e store.AuditEntry) error { return list.item(exportAuditEntry(e)) }); err != nil {
		return err
	}
	list.close(false)
	list.open("clients")
	if err := eachClient(r, func(c ExportClient) error { return list.item(c) }); err != nil {
		return err
	}
	list.close(true)
	w.WriteString("}\n")
	if list.err != nil {
		return list.err
	}
	return w.Flush()
}

// listWriter writes a JSON list of one field, an element at a time.
type listWriter struct {
	w     *bufio.Writer
	buf   bytes.Buffer
	enc   *json.Encoder
	items int
	err   error
}

func newListWriter(w *bufio.Writer) *listWriter {
	l := &listWriter{w: w}
	l.enc = json.NewEncoder(&l.buf)
	l.enc.SetIndent("    ", "  ")
	return l
}

func (l *listWriter) open(name string) {
	fmt.Fprintf(l.w, "  %q: [", name)
	l.items = 0
}

// item writes one element of the list.
func (l *listWriter) item(v any) error {
	if l.err != nil {
		return l.err
	}
	l.buf.Reset()
	if l.err = l.enc.Encode(v); l.err != nil {
		return l.err
	}
	if l.items > 0 {
		l.w.WriteString(",")
	}
	l.w.WriteString("\n    ")
	l.w.Write(bytes.TrimSuffix(l.buf.Bytes(), []byte("\n")))
	l.items++
	return nil
}

func (l *listWriter) close(last bool) {
	if l.items > 0 {
		l.w.WriteString("\n  ")
	}
	l.w.WriteString("]")
	if !last {
		l.w.WriteString(",")
	}
	l.w.WriteString("\n")
}
