// Package fhir writes a client's record, or the whole practice's, as an HL7
// FHIR R4 Bundle (type collection) that a physician's or clinic's system
// reads: the client as a Patient, each visit as an Encounter with the pain
// before and after as Observations, the body chart's regions, each
// outcome measure as a QuestionnaireResponse with its score, the consents,
// and every note as a DocumentReference with its Provenance (the
// signature, each amendment, a void). It reads through the store's
// snapshot, as store/interchange does, and writes nothing but the file.
//
// The same record gives the same bytes: ids come from the record's UUIDs
// (or are derived from them), resources follow the record's order, and no
// moment of the export is written.
package fhir

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// Options are how an export is written.
type Options struct {
	// Zone is the practice's time zone: a visit's time is kept as the wall
	// clock, and FHIR writes a time of day with its zone. Nil is UTC.
	Zone *time.Location
	// ClientUID limits the Bundle to one client; "" is the whole practice.
	ClientUID string
}

// ErrNoClient is a client UID the record does not hold.
var ErrNoClient = errors.New("no client with that identifier")

// Write writes the Bundle to w, read on one consistent snapshot, a client
// at a time.
func Write(ctx context.Context, s *sqlstore.Store, w io.Writer, o Options) error {
	if o.Zone == nil {
		o.Zone = time.UTC
	}
	err := s.Snapshot(ctx, func(r *sqlstore.Snapshot) error {
		out := bufio.NewWriterSize(w, 64<<10)
		id := derivedID("bundle", "practice")
		if o.ClientUID != "" {
			id = derivedID("bundle", o.ClientUID)
		}
		fmt.Fprintf(out, "{\n  \"resourceType\": \"Bundle\",\n  \"id\": %q,\n  \"type\": \"collection\",\n  \"entry\": [", id)
		n, found := 0, false
		var buf bytes.Buffer
		err := r.EachClient(func(d sqlstore.ClientData) error {
			if o.ClientUID != "" && d.Client.UID != o.ClientUID {
				return nil
			}
			found = true
			for _, res := range ClientResources(d, o.Zone) {
				if n > 0 {
					out.WriteString(",")
				}
				n++
				entry := object{}.with("fullUrl", "urn:uuid:"+resourceID(res)).with("resource", res)
				buf.Reset()
				if err := writeObject(&buf, entry, 4, true); err != nil {
					return err
				}
				out.WriteString("\n    ")
				out.Write(buf.Bytes())
			}
			return nil
		})
		if err != nil {
			return err
		}
		if o.ClientUID != "" && !found {
			return ErrNoClient
		}
		if n > 0 {
			out.WriteString("\n  ")
		}
		out.WriteString("]\n}\n")
		return out.Flush()
	})
	if err != nil {
		return fmt.Errorf("FHIR export: %w", err)
	}
	return nil
}

// resourceID is a resource's id member.
func resourceID(res object) string {
	for _, m := range res {
		if m.name == "id" {
			return m.value.(string)
		}
	}
	return ""
}

// ClientResources is one client's record as FHIR resources, in a fixed
// order: the Patient, then each visit oldest first (its Encounter, pain,
// body chart, note and the note's provenance), each outcome measure, and
// each consent.
func ClientResources(d sqlstore.ClientData, zone *time.Location) []object {
	if zone == nil {
		zone = time.UTC
	}
	patientID := d.Client.UID
	out := []object{patient(d.Client)}
	sessions := slices.Clone(d.Sessions)
	slices.SortStableFunc(sessions, func(a, b store.Session) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.UID, b.UID))
	})
	visits := map[string]bool{}
	for _, s := range sessions {
		out = append(out, visit(patientID, s, zone)...)
		visits[s.UID] = true
	}
	measures := slices.Clone(d.Measures)
	slices.SortStableFunc(measures, func(a, b store.Measure) int {
		return cmp.Or(a.Taken.Compare(b.Taken), cmp.Compare(a.UID, b.UID))
	})
	for _, m := range measures {
		encounterID := ""
		if visits[m.SessionUID] {
			encounterID = m.SessionUID
		}
		out = append(out, measure(patientID, m, encounterID)...)
	}
	consents := slices.Clone(d.Health.Consents)
	slices.SortStableFunc(consents, func(a, b store.Consent) int {
		return cmp.Or(a.On.Compare(b.On), cmp.Compare(a.UID, b.UID))
	})
	for _, c := range consents {
		out = append(out, consent(patientID, c))
	}
	return out
}
