package interchange

import (
	"errors"
	"fmt"

	"backtrack/store"
	"backtrack/store/recordjson"
	"backtrack/store/sqlstore"
)

// ExportMeasure is one completed outcome measure with every answer.
type ExportMeasure struct {
	ID        string       `json:"id"`
	Session   string       `json:"session,omitempty"` // the UID of the session it was taken at
	Measure   string       `json:"measure"`           // odi, rmdq or psfs
	Date      string       `json:"date"`              // YYYY-MM-DD
	Items     []ExportItem `json:"items"`
	Note      string       `json:"note,omitempty"`
	CreatedAt string       `json:"created_at"`
	UpdatedAt string       `json:"updated_at"`
}

// ExportItem is one answer: an ODI section or RMDQ item number, or a PSFS
// activity in the client's words, with its score.
type ExportItem struct {
	Item  string `json:"item"`
	Score int    `json:"score"`
}

// ExportPlan is a client's treatment plan.
type ExportPlan struct {
	ID             string       `json:"id"`
	Start          string       `json:"start"`
	PlannedVisits  int          `json:"planned_visits"`
	Frequency      string       `json:"frequency"`
	ReassessVisits int          `json:"reassess_visits"`
	ReassessWeeks  int          `json:"reassess_weeks"`
	Measures       []string     `json:"measures"`
	Goals          []ExportGoal `json:"goals"`
	CreatedAt      string       `json:"created_at"`
	UpdatedAt      string       `json:"updated_at"`
}

// ExportGoal is one goal in the client's words.
type ExportGoal struct {
	Text     string `json:"text"`
	Activity string `json:"activity,omitempty"`
	Status   string `json:"status"`
}

// exportFunction adds a client's measures and plan.
func exportFunction(ec *ExportClient, d sqlstore.ClientData) {
	for _, m := range d.Measures {
		em := ExportMeasure{ID: m.UID, Session: m.SessionUID, Measure: string(m.Kind), Date: m.Taken.Format(store.DateLayout),
			Note: m.Note, CreatedAt: recordjson.FormatStamp(m.CreatedAt), UpdatedAt: recordjson.FormatStamp(m.UpdatedAt), Items: []ExportItem{}}
		for _, it := range m.Items {
			em.Items = append(em.Items, ExportItem(it))
		}
		ec.Measures = append(ec.Measures, em)
	}
	if p := d.Plan; p != nil {
		ep := &ExportPlan{ID: p.UID, Start: p.Start.Format(store.DateLayout), PlannedVisits: p.PlannedVisits,
			Frequency: p.Frequency, ReassessVisits: p.ReassessVisits, ReassessWeeks: p.ReassessWeeks,
			Measures: []string{}, Goals: []ExportGoal{}, CreatedAt: recordjson.FormatStamp(p.CreatedAt), UpdatedAt: recordjson.FormatStamp(p.UpdatedAt)}
		for _, k := range p.Measures {
			ep.Measures = append(ep.Measures, string(k))
		}
		for _, g := range p.Goals {
			ep.Goals = append(ep.Goals, ExportGoal{Text: g.Text, Activity: g.Activity, Status: string(g.Status)})
		}
		ec.Plan = ep
	}
}

// jsonFunction brings a client's measures and plan in; one already here
// (the same identifier) is not duplicated.
func (im *importer) jsonFunction(record string, c store.Client, ec ExportClient, report func(record, column, msg string)) error {
	for j, em := range ec.Measures {
		rec := fmt.Sprintf("%s, measure %d", record, j+1)
		uid, err := store.CheckUID(em.ID)
		if err != nil {
			report(rec, "id", err.Error())
			continue
		}
		if uid != "" {
			owner, found, err := im.b.MeasureOwner(uid)
			switch {
			case err != nil:
				return err
			case found && owner == c.ID:
				im.sum.MeasuresPresent++
				continue
			case found:
				report(rec, "id", "This measure's id belongs to another client's measure; each measure needs an id of its own")
				continue
			}
		}
		kind, ok := store.ParseMeasureKind(em.Measure)
		if !ok {
			report(rec, "measure", fmt.Sprintf("%q is not odi, rmdq or psfs", em.Measure))
			continue
		}
		taken, err := recordjson.ParseDate(em.Date)
		if err != nil {
			report(rec, "date", err.Error())
			continue
		}
		if !checkStamps(rec, em.CreatedAt, em.UpdatedAt, report) {
			continue
		}
		m := store.Measure{UID: uid, ClientID: c.ID, SessionUID: em.Session, Kind: kind, Note: em.Note}
		m.Taken, _ = store.ParseWallClock(store.DateLayout, taken.Format(store.DateLayout))
		for _, it := range em.Items {
			m.Items = append(m.Items, store.MeasureItem(it))
		}
		saved, err := im.b.SaveMeasure(m)
		if reportValidation(rec, err, report) {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		im.sum.MeasuresAdded++
		if err := im.b.KeepStamps("measures", saved.ID, em.CreatedAt, em.UpdatedAt); err != nil {
			return err
		}
	}
	if ec.Plan == nil {
		return nil
	}
	return im.jsonPlan(record+", plan", c, *ec.Plan, report)
}

func (im *importer) jsonPlan(rec string, c store.Client, ep ExportPlan, report func(record, column, msg string)) error {
	uid, err := store.CheckUID(ep.ID)
	if err != nil {
		report(rec, "id", err.Error())
		return nil
	}
	have, err := im.b.Plan(c.ID)
	if err != nil {
		return err
	}
	switch {
	case have.ID != 0 && have.UID == uid:
		im.sum.PlansPresent++
		return nil
	case have.ID != 0:
		report(rec, "id", "The client already has another treatment plan here; change it at the desk rather than import over it")
		return nil
	}
	start, err := recordjson.ParseDate(ep.Start)
	if err != nil {
		report(rec, "start", err.Error())
		return nil
	}
	if !checkStamps(rec, ep.CreatedAt, ep.UpdatedAt, report) {
		return nil
	}
	p := store.Plan{UID: uid, ClientID: c.ID, PlannedVisits: ep.PlannedVisits, Frequency: ep.Frequency,
		ReassessVisits: ep.ReassessVisits, ReassessWeeks: ep.ReassessWeeks}
	p.Start, _ = store.ParseWallClock(store.DateLayout, start.Format(store.DateLayout))
	for _, k := range ep.Measures {
		p.Measures = append(p.Measures, store.MeasureKind(k))
	}
	for _, g := range ep.Goals {
		p.Goals = append(p.Goals, store.Goal{Text: g.Text, Activity: g.Activity, Status: store.GoalStatus(g.Status)})
	}
	saved, err := im.b.SavePlan(p)
	if reportValidation(rec, err, report) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", rec, err)
	}
	im.sum.PlansAdded++
	return im.b.KeepStamps("plans", saved.ID, ep.CreatedAt, ep.UpdatedAt)
}

// reportValidation reports each problem of a validation error; true when
// err was one.
func reportValidation(record string, err error, report func(record, column, msg string)) bool {
	var ve *store.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		report(record, p.Field, p.Message)
	}
	return true
}
