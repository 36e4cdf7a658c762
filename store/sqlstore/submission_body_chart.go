package sqlstore

import "backtrack/store"

// acceptBodyChart adds the regions the client tapped to the body map of
// their draft note of that day (the newest, when several are open), or of
// a new draft note when none is: a signed note changes only by amendment,
// and a region the therapist marked keeps its mark. The note's save is
// audited as any edit; the words say what was added and what kept.
func (b *Batch) acceptBodyChart(sub store.Submission) (words, made string, err error) {
	if len(sub.BodyChart) == 0 {
		return "Where it hurts (client): nothing marked", "", nil
	}
	day := sub.BodyChartNote().Start.Format(store.DateLayout)
	sessions, err := readSessions(b.ctx, b.tx, `s.client_id = ? AND s.started_at >= ? AND s.started_at < ?`,
		sub.ClientID, day, day+"~")
	if err != nil {
		return "", "", err
	}
	note, found := sub.BodyChartDraft(sessions)
	created := !found
	if created {
		note = sub.BodyChartNote()
	}
	merged, added, kept := store.MergeBodyChart(note.BodyMap, sub.BodyChart)
	note.BodyMap = merged
	if len(added) > 0 || created {
		if note, err = b.SaveSession(note); err != nil {
			return "", "", err
		}
	}
	return store.BodyChartWords(added, kept, note, created), note.UID, nil
}
