package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"backtrack/store"
)

// SavePlan makes or changes a client's treatment plan (one per client),
// with its audit entry.
func (s *Store) SavePlan(ctx context.Context, p store.Plan) (store.Plan, error) {
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		p, err = b.SavePlan(p)
		return err
	})
	if err != nil {
		return store.Plan{}, fmt.Errorf("save plan: %w", err)
	}
	return p, nil
}

// SavePlan validates and writes a plan in the batch: the client's plan is
// replaced when they have one.
func (b *Batch) SavePlan(p store.Plan) (store.Plan, error) {
	p.Tidy()
	var clientUID string
	err := b.tx.QueryRowContext(b.ctx, `SELECT uid FROM clients WHERE id = ?`, p.ClientID).Scan(&clientUID)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Plan{}, fmt.Errorf("client %d: %w", p.ClientID, store.ErrNotFound)
	}
	if err != nil {
		return store.Plan{}, err
	}
	if err := p.Validate().Err(); err != nil {
		return store.Plan{}, err
	}
	goals, err := json.Marshal(goalsJSON(p.Goals))
	if err != nil {
		return store.Plan{}, err
	}
	kinds := make([]string, len(p.Measures))
	for i, k := range p.Measures {
		kinds[i] = string(k)
	}
	old, err := readPlan(b.ctx, b.tx, p.ClientID)
	if err != nil {
		return store.Plan{}, err
	}
	action := store.PlanCreated
	if old.ID != 0 {
		action = store.PlanChanged
		p.UID = old.UID
	} else if p.UID == "" {
		p.UID = store.NewUID()
	}
	_, err = b.tx.ExecContext(b.ctx, `INSERT INTO plans (uid, client_id, starts_on, planned_visits, frequency, reassess_visits,
			reassess_weeks, measures, goals, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (client_id) DO UPDATE SET starts_on = excluded.starts_on, planned_visits = excluded.planned_visits,
			frequency = excluded.frequency, reassess_visits = excluded.reassess_visits, reassess_weeks = excluded.reassess_weeks,
			measures = excluded.measures, goals = excluded.goals, updated_at = excluded.updated_at`,
		p.UID, p.ClientID, p.Start.Format(store.DateLayout), p.PlannedVisits, p.Frequency, p.ReassessVisits, p.ReassessWeeks,
		strings.Join(kinds, ","), string(goals), b.stamp, b.stamp)
	if err != nil {
		return store.Plan{}, err
	}
	saved, err := readPlan(b.ctx, b.tx, p.ClientID)
	if err != nil {
		return store.Plan{}, err
	}
	return saved, b.s.appendLog(b.ctx, b.tx, store.AuditEntry{Action: action, Record: saved.UID, Client: clientUID,
		Content: store.PlanHash(clientUID, saved)})
}

// Plan reads a client's plan; its ID is 0 when they have none.
func (s *Store) Plan(ctx context.Context, clientID int64) (store.Plan, error) {
	var p store.Plan
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = readPlan(ctx, tx, clientID)
		return err
	})
	if err != nil {
		return store.Plan{}, fmt.Errorf("plan: %w", err)
	}
	return p, nil
}

type goalJSON struct {
	Text     string `json:"text"`
	Activity string `json:"activity,omitempty"`
	Status   string `json:"status"`
}

func goalsJSON(goals []store.Goal) []goalJSON {
	out := make([]goalJSON, len(goals))
	for i, g := range goals {
		out[i] = goalJSON{Text: g.Text, Activity: g.Activity, Status: string(g.Status)}
	}
	return out
}

const planColumns = `p.id, p.uid, p.client_id, p.starts_on, p.planned_visits, p.frequency, p.reassess_visits,
	p.reassess_weeks, p.measures, p.goals, p.created_at, p.updated_at`

// readPlan reads a client's plan, or a zero plan.
func readPlan(ctx context.Context, tx *sql.Tx, clientID int64) (store.Plan, error) {
	plans, err := readPlans(ctx, tx, `p.client_id = ?`, clientID)
	if err != nil || len(plans) == 0 {
		return store.Plan{}, err
	}
	return plans[0], nil
}

func readPlans(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]store.Plan, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+planColumns+` FROM plans p WHERE `+where+` ORDER BY p.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Plan
	for rows.Next() {
		var p store.Plan
		var start, kinds, goals, created, updated string
		if err := rows.Scan(&p.ID, &p.UID, &p.ClientID, &start, &p.PlannedVisits, &p.Frequency, &p.ReassessVisits,
			&p.ReassessWeeks, &kinds, &goals, &created, &updated); err != nil {
			return nil, err
		}
		var gs []goalJSON
		if err := json.Unmarshal([]byte(goals), &gs); err != nil {
			return nil, fmt.Errorf("plan %s: its goals are not readable: %w", p.UID, err)
		}
		for _, g := range gs {
			p.Goals = append(p.Goals, store.Goal{Text: g.Text, Activity: g.Activity, Status: store.GoalStatus(g.Status)})
		}
		for _, k := range strings.Split(kinds, ",") {
			if k != "" {
				p.Measures = append(p.Measures, store.MeasureKind(k))
			}
		}
		p.Start, _ = store.ParseWallClock(store.DateLayout, start)
		p.CreatedAt, p.UpdatedAt = parseStamp(created), parseStamp(updated)
		out = append(out, p)
	}
	return out, rows.Err()
}

// ReassessmentDue lists the active clients with a plan whose measures are
// due at their next visit, with where they stand ("4 of 8 planned visits done · ODI
// due"), by name.
func (s *Store) ReassessmentDue(ctx context.Context) ([]store.ReassessmentDue, error) {
	if s.contactsOnly {
		return nil, nil // plans and measures are clinical: not the front desk's
	}
	var out []store.ReassessmentDue
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		plans, err := readPlans(ctx, tx, `p.client_id IN (SELECT id FROM clients WHERE archived = FALSE)`)
		if err != nil {
			return err
		}
		for _, p := range plans {
			c, err := scanClient(tx.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, p.ClientID))
			if err != nil {
				return err
			}
			sessions, err := readSessionStarts(ctx, tx, p.ClientID)
			if err != nil {
				return err
			}
			measures, err := readMeasures(ctx, tx, `m.client_id = ?`, p.ClientID)
			if err != nil {
				return err
			}
			if st := p.StatusOf(sessions, measures, s.now()); len(st.Due) > 0 {
				out = append(out, store.ReassessmentDue{Client: c, Status: st})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("re-assessments due: %w", err)
	}
	// each client's sort name folded once, not at every comparison
	keys := make(map[int64]string, len(out))
	for _, due := range out {
		keys[due.Client.ID] = sortName(due.Client)
	}
	slices.SortFunc(out, func(a, b store.ReassessmentDue) int {
		return strings.Compare(keys[a.Client.ID], keys[b.Client.ID])
	})
	return out, nil
}

// readSessionStarts reads a client's sessions' starts and voids only: what
// a plan's status counts.
func readSessionStarts(ctx context.Context, tx *sql.Tx, clientID int64) ([]store.Session, error) {
	rows, err := tx.QueryContext(ctx, `SELECT started_at, voided_at FROM sessions WHERE client_id = ?`, clientID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Session
	for rows.Next() {
		var start, voided string
		if err := rows.Scan(&start, &voided); err != nil {
			return nil, err
		}
		var sess store.Session
		sess.Start, _ = store.ParseWallClock(store.StartLayout, start)
		sess.VoidedAt = parseStamp(voided)
		out = append(out, sess)
	}
	return out, rows.Err()
}
