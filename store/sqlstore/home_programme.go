package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"backtrack/store"
)

// writeProgramme replaces a session's home programme and the adherence it
// records (a new session has none to remove).
func writeProgramme(ctx context.Context, tx *sql.Tx, sess store.Session, isNew bool) error {
	if !isNew {
		for _, table := range []string{"session_exercises", "session_adherence"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE session_id = ?`, sess.ID); err != nil {
				return err
			}
		}
	}
	if sess.Adherence.Asked() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_adherence (session_id, level, hard) VALUES (?, ?, ?)`,
			sess.ID, string(sess.Adherence.Level), sess.Adherence.Hard); err != nil {
			return err
		}
	}
	if len(sess.Programme) == 0 {
		return nil
	}
	var args []any
	for i, rx := range sess.Programme {
		args = append(args, sess.ID, i, rx.Exercise, rx.Name, rx.Words, rx.Pose, string(rx.Side),
			rx.Dose.HoldSec, rx.Dose.Reps, rx.Dose.Sets, rx.Dose.PerDay)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO session_exercises
		(session_id, position, exercise, name, words, pose, side, hold_sec, reps, sets, per_day)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`+
		strings.Repeat(", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", len(sess.Programme)-1), args...)
	return err
}

// readProgrammes fills in the programme and adherence of the notes read.
func readProgrammes(ctx context.Context, tx *sql.Tx, notes noteRows, index map[int64]int) error {
	filter, args := notes.filter(`e.session_id`)
	rows, err := tx.QueryContext(ctx, `SELECT e.session_id, e.exercise, e.name, e.words, e.pose, e.side,
		e.hold_sec, e.reps, e.sets, e.per_day FROM session_exercises e`+filter+` ORDER BY e.session_id, e.position`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var rx store.Prescription
		var side string
		if err := rows.Scan(&id, &rx.Exercise, &rx.Name, &rx.Words, &rx.Pose, &side,
			&rx.Dose.HoldSec, &rx.Dose.Reps, &rx.Dose.Sets, &rx.Dose.PerDay); err != nil {
			return err
		}
		rx.Side = store.Side(side)
		sess := &notes.out[index[id]]
		sess.Programme = append(sess.Programme, rx)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	filter, args = notes.filter(`a.session_id`)
	adh, err := tx.QueryContext(ctx, `SELECT a.session_id, a.level, a.hard FROM session_adherence a`+filter, args...)
	if err != nil {
		return err
	}
	defer adh.Close()
	for adh.Next() {
		var id int64
		var level, hard string
		if err := adh.Scan(&id, &level, &hard); err != nil {
			return err
		}
		notes.out[index[id]].Adherence = store.Adherence{Level: store.AdherenceLevel(level), Hard: hard}
	}
	return adh.Err()
}
