package interchange

import (
	"fmt"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// jsonSubmissions brings in what a client filled in and signed, each whole
// with its review, after the health record and measures its reviews name.
// One whose answers or signature no longer match the seal it was exported
// with, or whose answers, signature and reviews no longer match the hash
// the file's own history holds for them, is refused, as a changed signed
// note is: the seal field alone can be recomputed by whoever edits the file.
func (im *importer) jsonSubmissions(record string, c store.Client, subs []recordjson.Submission, report func(record, column, msg string)) error {
	for j, e := range subs {
		rec := fmt.Sprintf("%s, client's forms %d", record, j+1)
		var r recordjson.HealthReader
		sub := e.Content(&r)
		if len(r.Problems) > 0 {
			for _, p := range r.Problems {
				report(rec, p.Column, p.Message)
			}
			continue
		}
		if sub.UID == "" {
			report(rec, "id", "The client's forms need their id")
			continue
		}
		owner, found, err := im.b.SubmissionOwner(sub.UID)
		switch {
		case err != nil:
			return err
		case found && owner == c.ID:
			im.sum.SubmissionsPresent++
			continue
		case found:
			report(rec, "id", "This id belongs to another client's forms; each needs an id of its own")
			continue
		}
		sub.ClientID = c.ID
		exported := sub.Seal
		if sealed := sub.SealFor(c.UID); exported != "" && exported != sealed {
			report(rec, "seal", "The client's answers or signature do not match their seal: they were changed after they were given")
			continue
		}
		if err := im.seals.submission(rec, c.UID, sub); err != nil {
			report(rec, submissionSeals.column, sentence(err))
			continue
		}
		_, err = im.b.SaveSubmission(sub)
		if reportValidation(rec, err, report) {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		im.sum.SubmissionsAdded++
	}
	return nil
}
