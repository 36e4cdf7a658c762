package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"backtrack/store"
)

// queryRower is a *sql.Tx or *sql.DB.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readHealth reads one client's health record.
func readHealth(ctx context.Context, q queryRower, clientID int64) (store.Health, error) {
	var cols healthColumns
	err := q.QueryRowContext(ctx, `SELECT intake, red_flags, consents FROM clients WHERE id = ?`, clientID).
		Scan(&cols.intake, &cols.redFlags, &cols.consents)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Health{}, fmt.Errorf("client %d: %w", clientID, store.ErrNotFound)
	}
	if err != nil {
		return store.Health{}, err
	}
	return decodeHealth(cols)
}

// Health reads a client's intake, red-flag screens and consents.
func (s *Store) Health(ctx context.Context, clientID int64) (store.Health, error) {
	h, err := readHealth(ctx, s.read, clientID)
	if err != nil {
		return store.Health{}, fmt.Errorf("read health record: %w", err)
	}
	return h, nil
}

// writeHealth stores a validated health record in tx, with the marks the
// client list shows, worked out from the client and record as they now
// are.
func (s *Store) writeHealth(ctx context.Context, tx *sql.Tx, clientID int64, h store.Health) error {
	sortHealth(&h)
	cols, err := encodeHealth(h)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE clients SET intake = ?, red_flags = ?, consents = ?, updated_at = ? WHERE id = ?`,
		cols.intake, cols.redFlags, cols.consents, s.stamp(), clientID)
	if err != nil {
		return err
	}
	return mustAffectOne(res, "client", clientID)
}

// refreshMarks sets the client list's marks for one client from what the
// record says now: every change to a client goes through it (logClient).
func (s *Store) refreshMarks(ctx context.Context, tx *sql.Tx, c store.Client, h store.Health) error {
	_, err := tx.ExecContext(ctx, `UPDATE clients SET alert_level = ?, consent_on_file = ? WHERE id = ?`,
		store.AlertLevelOf(c, h).Code(), h.ConsentOnFile(s.now()), c.ID)
	return err
}

// changeHealth runs change on a client's health record inside one write
// transaction, validates the result against the client's date of birth
// and today, writes it and logs action with detail. Nothing is written
// when change or validation fails.
func (s *Store) changeHealth(ctx context.Context, clientID int64, action store.Action,
	change func(tx *sql.Tx, c store.Client, h *store.Health) (detail string, err error)) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.changeHealthIn(ctx, tx, clientID, action, change)
	})
}

func (s *Store) changeHealthIn(ctx context.Context, tx *sql.Tx, clientID int64, action store.Action,
	change func(tx *sql.Tx, c store.Client, h *store.Health) (detail string, err error)) error {
	// The client's row is claimed first: two desks changing one record on
	// a server wait for each other instead of one losing the other's
	// change, and a client form opened before this change is told so.
	res, err := tx.ExecContext(ctx, `UPDATE clients SET version = version + 1 WHERE id = ?`, clientID)
	if err != nil {
		return err
	}
	if err := mustAffectOne(res, "client", clientID); err != nil {
		return err
	}
	c, err := scanClient(tx.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, clientID))
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("client %d: %w", clientID, store.ErrNotFound)
	}
	if err != nil {
		return err
	}
	h, err := readHealth(ctx, tx, clientID)
	if err != nil {
		return err
	}
	detail, err := change(tx, c, &h)
	if err != nil {
		return err
	}
	if err := s.writeHealth(ctx, tx, clientID, h); err != nil {
		return err
	}
	return s.logClientDetail(ctx, tx, action, clientID, detail)
}

// SaveIntake records a client's intake together with the free-text alerts
// typed beside it, each in the field that gives its level:
// contraindications (red), medications that matter for massage (amber),
// medical history (plain), and, when screen is not nil, the red-flag
// screen taken with it. Every problem of every part is returned at once,
// by field, and a problem anywhere saves nothing.
func (s *Store) SaveIntake(ctx context.Context, clientID int64, in store.Intake, text store.TypedAlerts, screen *store.RedFlagScreen) error {
	err := s.changeHealth(ctx, clientID, store.IntakeSaved, func(tx *sql.Tx, c store.Client, h *store.Health) (string, error) {
		today := s.now()
		p := in.Validate(c.DateOfBirth, today)
		p = append(p, text.Validate()...)
		if !in.OnFile() && p.For("intake_date") == "" {
			p.Add("intake_date", "The intake date is required")
		}
		if screen != nil {
			screen.AtIntake = true
			p = append(p, screen.Validate(c.DateOfBirth, today)...)
		}
		if err := p.Err(); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET medical_history = ?, medications = ?, contraindications = ? WHERE id = ?`,
			text.MedicalHistory, text.Medications, text.Contraindications, clientID); err != nil {
			return "", err
		}
		h.Intake = in
		words := "Intake of " + in.Date.Format(store.DateLayout)
		if screen != nil {
			more, err := h.PutScreen(screen, c.DateOfBirth, today)
			if err != nil {
				return "", err
			}
			words += "; " + more
		}
		return words, nil
	})
	if err != nil {
		return fmt.Errorf("save intake: %w", err)
	}
	return nil
}

// SaveScreen records a red-flag screen (UID "" for a new one) or changes
// one: what was done about a "yes" (a referral, a clearance) is recorded
// on the screen it concerns. It returns the screen as saved.
func (s *Store) SaveScreen(ctx context.Context, clientID int64, screen store.RedFlagScreen) (store.RedFlagScreen, error) {
	action := store.ScreenRecorded
	if screen.UID != "" {
		action = store.ScreenUpdated
	}
	err := s.changeHealth(ctx, clientID, action, func(_ *sql.Tx, c store.Client, h *store.Health) (string, error) {
		return h.PutScreen(&screen, c.DateOfBirth, s.now())
	})
	if err != nil {
		return store.RedFlagScreen{}, fmt.Errorf("save red-flag screen: %w", err)
	}
	return screen, nil
}

// SaveConsent records a consent (UID "" for a new one) or changes one,
// such as recording its withdrawal. It returns the consent as saved.
func (s *Store) SaveConsent(ctx context.Context, clientID int64, consent store.Consent) (store.Consent, error) {
	action := store.ConsentRecorded
	if consent.UID != "" {
		action = store.ConsentChanged
	}
	err := s.changeHealth(ctx, clientID, action, func(_ *sql.Tx, c store.Client, h *store.Health) (string, error) {
		return h.PutConsent(&consent, c.DateOfBirth, s.now())
	})
	if err != nil {
		return store.Consent{}, fmt.Errorf("save consent: %w", err)
	}
	return consent, nil
}

// saveWithConsent saves a session that treats areas without consent on
// file, with the therapist's answer to the question the desk asked: one
// transaction records, when the client consented at this visit, a verbal
// consent to those areas dated the visit's day, then the note as how says
// (draft, signed or amended), then the answer in the audit log, on the
// note (Save).
func (s *Store) saveWithConsent(ctx context.Context, sess store.Session, check store.ConsentCheck, how SaveRequest) (store.Session, error) {
	if err := check.Check(); err != nil {
		return store.Session{}, fmt.Errorf("save session: %w", err)
	}
	err := s.Batch(ctx, func(b *Batch) error {
		clientID := sess.ClientID
		if how.Amend {
			current, _, err := sessionInTx(ctx, b.tx, sess.ID)
			if err != nil {
				return err
			}
			clientID = current.ClientID
		}
		// a second attempt at a save whose answer was lost: its consent
		// and its answer are recorded already (replay.go); asked only
		// when there is a consent to record, since the save itself
		// asks again
		flags := how.OpenFlags
		if len(check.Missing) > 0 || flags != "" {
			_, again, err := b.replayed(sess)
			if err != nil {
				return err
			}
			if again {
				check, flags = store.ConsentCheck{}, ""
			}
		}
		if check.Answer == store.ConsentGivenNow && len(check.Missing) > 0 {
			day := sess.Start
			if today := store.WallClock(s.now()); day.Format(store.DateLayout) > today.Format(store.DateLayout) {
				day = today
			}
			on := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.Local)
			err := s.changeHealthIn(ctx, b.tx, clientID, store.ConsentRecorded, func(_ *sql.Tx, c store.Client, h *store.Health) (string, error) {
				consent := store.Consent{On: on, How: store.ConsentVerbal, Areas: check.Areas(),
					Note: "Given at the visit of " + sess.Start.Format(store.StartLayout) + ", asked when its note was saved"}
				return h.PutConsent(&consent, c.DateOfBirth, s.now())
			})
			if err != nil {
				return err
			}
		}
		var saved store.Session
		var err error
		switch {
		case how.Amend:
			saved, err = b.AmendSession(sess, how.Reason, how.By)
		case how.Sign:
			saved, err = b.SaveSignedSession(sess, how.By)
		default:
			saved, _, err = b.saveSession(sess)
		}
		if err != nil {
			return err
		}
		sess = saved
		if len(check.Missing) == 0 && flags == "" {
			return nil
		}
		var clientUID string
		if err := b.tx.QueryRowContext(ctx, `SELECT uid FROM clients WHERE id = ?`, clientID).Scan(&clientUID); err != nil {
			return err
		}
		if flags != "" {
			if err := s.appendLog(ctx, b.tx, store.AuditEntry{Action: store.SavedOverRedFlag, Record: saved.UID,
				Client: clientUID, Detail: "Saved with a red flag open: " + flags}); err != nil {
				return err
			}
		}
		if len(check.Missing) == 0 {
			return nil
		}
		return s.appendLog(ctx, b.tx, store.AuditEntry{Action: store.ConsentChecked, Record: saved.UID, Client: clientUID,
			Detail: check.Words()})
	})
	if err != nil {
		return store.Session{}, fmt.Errorf("save session: %w", err)
	}
	return sess, nil
}
