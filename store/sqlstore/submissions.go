package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"backtrack/store"
	"backtrack/store/recordjson"
)

// A client's submission is written in one transaction with its audit
// entry, so a desk killed while the client hands the device back keeps
// all of it or none; reviewing it writes what was accepted, each with its
// own entry, and the review, in one transaction too.

// SaveSubmission keeps what a client filled in and signed, as given, and
// seals it into the record's history. It returns the submission as kept.
func (s *Store) SaveSubmission(ctx context.Context, sub store.Submission) (store.Submission, error) {
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		sub, err = b.SaveSubmission(sub)
		return err
	})
	if err != nil {
		return store.Submission{}, fmt.Errorf("keep the client's answers: %w", err)
	}
	return sub, nil
}

// SaveSubmission validates sub against its client and writes it in the
// batch with its audit entry. A new one gets its UID and moment here.
func (b *Batch) SaveSubmission(sub store.Submission) (store.Submission, error) {
	c, err := b.s.clientIn(b.ctx, b.tx, sub.ClientID)
	if err != nil {
		return store.Submission{}, err
	}
	if sub.UID == "" {
		sub.UID = store.NewUID()
	}
	if sub.At.IsZero() {
		sub.At = parseStamp(b.stamp)
	}
	if err := sub.Validate(c.DateOfBirth, b.s.now()).Err(); err != nil {
		return store.Submission{}, err
	}
	sub.Seal = sub.SealFor(c.UID)
	doc, reviews, err := encodeSubmission(sub)
	if err != nil {
		return store.Submission{}, err
	}
	err = b.tx.QueryRowContext(b.ctx, `INSERT INTO client_submissions (uid, client_id, submitted_at, document, seal, reviews, pending)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, sub.UID, sub.ClientID, recordjson.FormatStamp(sub.At), doc, sub.Seal,
		reviews, len(sub.Pending()) > 0).Scan(&sub.ID)
	if err != nil {
		return store.Submission{}, err
	}
	return sub, b.s.appendLog(b.ctx, b.tx, store.AuditEntry{Action: store.SubmissionReceived, Record: sub.UID, Client: c.UID,
		Detail: sub.Words(), Content: sub.RecordHash(c.UID)})
}

// ReviewSubmission applies the therapist's decisions on the forms of
// submission id, signed by: each accepted form goes into the record with
// its own audit entry (the intake merged without overwriting what the
// therapist recorded unless Replace says so, a signed consent as written
// consent, a questionnaire as an outcome measure), and the review is
// sealed onto the submission, all in one transaction.
func (s *Store) ReviewSubmission(ctx context.Context, id int64, decisions []store.FormDecision, by string) (store.Submission, error) {
	var sub store.Submission
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		sub, err = b.ReviewSubmission(id, decisions, by)
		return err
	})
	if err != nil {
		return store.Submission{}, fmt.Errorf("review the client's answers: %w", err)
	}
	return sub, nil
}

// ReviewSubmission is Store.ReviewSubmission in the batch.
func (b *Batch) ReviewSubmission(id int64, decisions []store.FormDecision, by string) (store.Submission, error) {
	if err := store.CheckSigner(by); err != nil {
		return store.Submission{}, err
	}
	subs, err := readSubmissions(b.ctx, b.tx, `s.id = ?`, id)
	if err != nil {
		return store.Submission{}, err
	}
	if len(subs) != 1 {
		return store.Submission{}, fmt.Errorf("submission %d: %w", id, store.ErrNotFound)
	}
	sub := subs[0]
	if err := sub.CheckDecisions(decisions); err != nil {
		return store.Submission{}, err
	}
	var accepted, declined []string
	for _, d := range decisions {
		words, made := "declined", ""
		if d.Accept {
			if words, made, err = b.acceptForm(sub, d); err != nil {
				return store.Submission{}, fmt.Errorf("%s: %w", d.Form.Label(), err)
			}
			accepted = append(accepted, d.Form.Label())
		} else {
			declined = append(declined, d.Form.Label())
		}
		sub.Reviews = append(sub.Reviews, store.FormReview{Form: d.Form, Accepted: d.Accept, On: parseStamp(b.stamp), By: by,
			Words: words, Record: made})
	}
	_, reviews, err := encodeSubmission(sub)
	if err != nil {
		return store.Submission{}, err
	}
	res, err := b.tx.ExecContext(b.ctx, `UPDATE client_submissions SET reviews = ?, pending = ? WHERE id = ?`,
		reviews, len(sub.Pending()) > 0, sub.ID)
	if err != nil {
		return store.Submission{}, err
	}
	if err := mustAffectOne(res, "submission", sub.ID); err != nil {
		return store.Submission{}, err
	}
	var detail []string
	if len(accepted) > 0 {
		detail = append(detail, "accepted "+strings.Join(accepted, ", "))
	}
	if len(declined) > 0 {
		detail = append(detail, "declined "+strings.Join(declined, ", "))
	}
	clientUID, err := b.s.clientUID(b.ctx, b.tx, sub.ClientID)
	if err != nil {
		return store.Submission{}, err
	}
	return sub, b.s.appendLog(b.ctx, b.tx, store.AuditEntry{Action: store.SubmissionReviewed, Record: sub.UID, Client: clientUID,
		Actor: b.s.signerAsActor(by), Detail: fmt.Sprintf("By %s, of the forms of %s: %s", by, sub.At.Format(store.StampLayout), strings.Join(detail, "; ")),
		Content: sub.RecordHash(clientUID)})
}

// acceptForm writes one form of sub into the record and says what it did
// and the UID of what it made.
func (b *Batch) acceptForm(sub store.Submission, d store.FormDecision) (words, made string, err error) {
	switch d.Form {
	case store.FormIntake, store.FormConsent:
		action := store.IntakeSaved
		if d.Form == store.FormConsent {
			action = store.ConsentRecorded
		}
		err := b.s.changeHealthIn(b.ctx, b.tx, sub.ClientID, action, func(_ *sql.Tx, c store.Client, h *store.Health) (string, error) {
			var err error
			words, err = h.AcceptForm(sub, d.Form, d.Replace, c.DateOfBirth, b.s.now())
			// what it made is the newest screen or consent: PutScreen and
			// PutConsent append
			switch {
			case err != nil:
			case d.Form == store.FormIntake:
				made = h.Screens[len(h.Screens)-1].UID
			default:
				made = h.Consents[len(h.Consents)-1].UID
			}
			return words, err
		})
		return words, made, err
	case store.FormPain:
		return fmt.Sprintf("pain today %d/10, for the session's note", sub.Pain), "", nil
	case store.FormBodyChart:
		return b.acceptBodyChart(sub)
	}
	m, err := sub.MeasureToAccept(d.Form)
	if err != nil {
		return "", "", err
	}
	saved, err := b.SaveMeasure(m)
	if err != nil {
		return "", "", err
	}
	return measureDetail(saved), saved.UID, nil
}

// Submissions lists a client's submissions, newest first.
func (s *Store) Submissions(ctx context.Context, clientID int64) ([]store.Submission, error) {
	var out []store.Submission
	err := s.inSnapshot(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readSubmissions(ctx, tx, `s.client_id = ?`, clientID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the client's submissions: %w", err)
	}
	return out, nil
}

func (s *Store) clientIn(ctx context.Context, tx *sql.Tx, clientID int64) (store.Client, error) {
	c, err := scanClient(tx.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, clientID))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Client{}, fmt.Errorf("client %d: %w", clientID, store.ErrNotFound)
	}
	return c, err
}

func (s *Store) clientUID(ctx context.Context, tx *sql.Tx, clientID int64) (string, error) {
	c, err := s.clientIn(ctx, tx, clientID)
	return c.UID, err
}

// encodeSubmission is the document kept as given and the reviews beside it.
func encodeSubmission(sub store.Submission) (doc, reviews string, err error) {
	e := recordjson.FromSubmission(sub)
	rv := e.Reviews
	if rv == nil {
		rv = []recordjson.FormReview{}
	}
	e.Reviews, e.Seal = nil, ""
	d, err := json.Marshal(e)
	if err != nil {
		return "", "", err
	}
	r, err := json.Marshal(rv)
	return string(d), string(r), err
}

// readSubmissions reads the submissions matching where, newest first.
func readSubmissions(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]store.Submission, error) {
	rows, err := readSubmissionRows(ctx, tx, where, args...)
	if err != nil {
		return nil, err
	}
	var out []store.Submission
	for _, r := range rows {
		sub, err := r.decode()
		if err != nil {
			return nil, err
		}
		out = append(out, sub)
	}
	return out, nil
}

// submissionRow is a submission as kept, its document and reviews still
// JSON: the check's reader reads these and its judge decodes them, beside
// the reading of the next page.
type submissionRow struct {
	id, clientID           int64
	document, seal, review string
}

// readSubmissionRows reads the submissions matching where, newest first,
// as kept.
func readSubmissionRows(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]submissionRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.client_id, s.document, s.seal, s.reviews FROM client_submissions s
		WHERE `+where+` ORDER BY s.submitted_at DESC, s.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []submissionRow
	for rows.Next() {
		var r submissionRow
		if err := rows.Scan(&r.id, &r.clientID, &r.document, &r.seal, &r.review); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// decode reads the submission's document and reviews.
func (r submissionRow) decode() (store.Submission, error) {
	var e recordjson.Submission
	if err := json.Unmarshal([]byte(r.document), &e); err != nil {
		return store.Submission{}, fmt.Errorf("submission %d cannot be read: %w", r.id, err)
	}
	if err := json.Unmarshal([]byte(r.review), &e.Reviews); err != nil {
		return store.Submission{}, fmt.Errorf("submission %d: its reviews cannot be read: %w", r.id, err)
	}
	var hr recordjson.HealthReader
	sub := e.Content(&hr)
	if len(hr.Problems) > 0 {
		return store.Submission{}, fmt.Errorf("submission %d: %s: %s", r.id, hr.Problems[0].Column, hr.Problems[0].Message)
	}
	sub.ID, sub.ClientID, sub.Seal = r.id, r.clientID, r.seal
	return sub, nil
}

// judgeSubmissions compares the submissions of a page's clients with
// their seals (the client's answers and signature as given) and with
// their latest entries (the reviews too).
func (rc *recordCheck) judgeSubmissions(clients map[int64]store.Client, rows []submissionRow) {
	for _, row := range rows {
		sub, err := row.decode()
		if err != nil {
			rc.fail(err)
			return
		}
		c := clients[sub.ClientID]
		// named only for a problem, as a note is
		what := func() string {
			return fmt.Sprintf("the forms %s filled in on %s (%s)", c.FullName(), sub.At.Format(store.StampLayout), sub.UID)
		}
		if sub.SealFor(c.UID) != sub.Seal {
			rc.submits = append(rc.submits, orderedProblem{at: sub.At, id: sub.ID,
				words: what() + " do not match their seal: the client's answers or signature were changed outside Backtrack"})
		}
		switch e, ok := rc.latest.take(sub.UID); {
		case !ok:
			rc.submits = append(rc.submits, orderedProblem{at: sub.At, id: sub.ID,
				words: what() + " were added outside Backtrack: the record's history has no entry for them"})
		case !e.holds(sub.RecordHash(c.UID)):
			rc.submits = append(rc.submits, orderedProblem{at: sub.At, id: sub.ID,
				words: what() + " were changed outside Backtrack", changed: true, after: e})
		}
	}
}

// SubmissionOwner is the client whose submission has this UID, if one is
// here: an import brings a submission once.
func (b *Batch) SubmissionOwner(uid string) (clientID int64, found bool, err error) {
	err = b.tx.QueryRowContext(b.ctx, `SELECT client_id FROM client_submissions WHERE uid = ?`, uid).Scan(&clientID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return clientID, err == nil, err
}
