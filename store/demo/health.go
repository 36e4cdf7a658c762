package demo

import (
	"math/rand"
	"slices"
	"time"

	"backtrack/store"
)

// The sample practice's health records: an intake for every client, taken
// at the first visit (reviewed since for some long-standing clients, left
// more than a year old for others), a red-flag screen with it, and a
// written consent. Two clients show what the desk must not let pass:
// ReferredClient had a red flag at intake, was referred to their GP and
// cleared before the first treatment; NoConsentClient has no consent on
// file.
const (
	ReferredClient  = 0 // the first client (the long-term one in a large practice)
	NoConsentClient = 1
)

// The red-flag story of ReferredClient.
const (
	ReferredTo = "Dr Lena Weber, GP (Lindenhof practice)"
	ClearedBy  = "Dr Lena Weber"
)

var reasons = []string{
	"Lower back pain that keeps coming back; wants to stay active.",
	"Ache across the lower back after long days at the desk.",
	"Pain in the buttock and back of the thigh after running.",
	"Sharp pain on bending since lifting at work.",
	"Stiff back in the morning, worse after gardening.",
}

var began = []string{"about three months ago", "last spring", "two years ago, on and off", "six weeks ago", "after the new year"}

var previousTreatments = []string{"Physiotherapy, 6 sessions in 2025: helped for a while.",
	"Chiropractor twice; GP prescribed ibuprofen.", "Osteopath last year.", "Only painkillers so far."}

var goals = []string{
	"Sit through a working day without pain.",
	"Run 10 km again by the summer.",
	"Pick up my grandchildren without worrying about my back.",
	"Sleep through the night and garden again.",
	"Lift at work without my back going into spasm.",
}

var conditionDetails = map[store.Condition][]string{
	store.HighBloodPressure: {"controlled with medication", "borderline, monitored by GP"},
	store.Diabetes:          {"type 2, diet-controlled"},
	store.Osteoporosis:      {"diagnosed 2023, on treatment"},
	store.RecentSurgery:     {"knee arthroscopy 4 months ago"},
	store.SkinCondition:     {"eczema on the forearms"},
	store.NumbnessTingling:  {"occasional tingling in the left foot after long sitting"},
}

var allergies = []string{"Nut oils (almond): use a nut-free oil", "Latex gloves", "Lavender oil gives a rash"}

// healthFor makes one client's health record from their visits (oldest
// first). r is Fill's second source, so the visits stay as they were.
func healthFor(r *rand.Rand, i int, c store.Client, history []store.Session, v vocabulary, today time.Time) store.Health {
	first := dayStart(today)
	if len(history) > 0 {
		first = dayStart(history[0].Start)
	}
	in := store.Intake{
		Date:              first,
		Reason:            reasons[r.Intn(len(reasons))],
		Began:             began[r.Intn(len(began))],
		Onset:             []store.Onset{store.OnsetGradual, store.OnsetGradual, store.OnsetInjury, store.OnsetUnknown}[r.Intn(4)],
		PreviousTreatment: store.No(),
		Conditions:        map[store.Condition]store.Answer{},
		Medications:       store.No(),
		Allergies:         store.No(),
		Activities:        map[store.Activity]store.Answer{},
		Goals:             goals[r.Intn(len(goals))],
	}
	if in.Onset == store.OnsetInjury {
		in.OnsetDetail = []string{"lifting a heavy box", "a fall on ice", "a twist while running"}[r.Intn(3)]
	}
	if r.Intn(2) == 0 {
		in.PreviousTreatment = store.Yes(previousTreatments[r.Intn(len(previousTreatments))])
	}
	for _, cond := range store.Conditions {
		switch details := conditionDetails[cond]; {
		case len(details) > 0 && r.Intn(8) == 0:
			in.Conditions[cond] = store.Yes(details[r.Intn(len(details))])
		case cond == store.OtherCondition && r.Intn(3) > 0:
			// "other" is left unasked at many intakes: the form shows it so
		default:
			in.Conditions[cond] = store.No()
		}
	}
	if c.Medications != "" {
		in.Medications = store.Yes(c.Medications)
	} else if r.Intn(4) == 0 {
		in.Medications = store.Yes("Vitamin D 1000 IU daily.")
	}
	if r.Intn(7) == 0 {
		in.Allergies = store.Yes(allergies[r.Intn(len(allergies))])
	}
	triggers := triggerNames(history, v)
	activity := func(a store.Activity, yes bool, detail string) {
		if yes {
			in.Activities[a] = store.Yes(detail)
		} else {
			in.Activities[a] = store.No()
		}
	}
	activity(store.SittingJob, triggers["Sitting long"], "office, 8 hours a day")
	activity(store.LiftingWork, triggers["Lifting repeatedly"] || triggers["Weight-lifting overuse"], "lifts at work and in the gym")
	activity(store.Running, triggers["Running on uneven surface"] || triggers["Running on soft surface"], "3 times a week, trails")
	// A long-standing client's intake was reviewed within the year for
	// some, and is due for review for the others.
	if first.Before(today.AddDate(-1, 0, 0)) && r.Intn(2) == 0 {
		for _, s := range history {
			if d := dayStart(s.Start); d.After(today.AddDate(-1, 0, 0)) {
				in.Date = d
				break
			}
		}
	}

	screen := store.RedFlagScreen{On: first, AtIntake: true, Answers: map[store.RedFlag]store.Answer{}}
	for _, f := range store.RedFlags {
		screen.Answers[f] = store.No()
	}
	h := store.Health{Intake: in}
	if i == ReferredClient {
		// Night pain at the first contact: referred the next day, cleared
		// a week later, before the first treatment.
		contact := first.AddDate(0, 0, -10)
		screen.On = contact
		if h.Intake.Date.Equal(first) {
			h.Intake.Date = contact
		}
		screen.Answers[store.NightPain] = store.Yes("constant ache at night for three weeks, not eased by lying down")
		screen.ReferredTo, screen.ReferredOn = ReferredTo, contact.AddDate(0, 0, 1)
		screen.ClearedBy, screen.ClearedOn = ClearedBy, contact.AddDate(0, 0, 8)
		screen.Note = "GP examined, blood tests normal: mechanical back pain, massage fine."
	}
	h.Screens = []store.RedFlagScreen{screen}

	if i != NoConsentClient {
		areas := slices.Clone(store.GeneralAreas)
		for _, s := range history {
			for _, m := range s.Muscles {
				for _, a := range store.AreasOfMuscle(m.Name) {
					if !slices.Contains(areas, a) {
						areas = append(areas, a)
					}
				}
			}
		}
		excluded := []store.ConsentArea{store.AreaChest}
		if !slices.Contains(areas, store.AreaInnerThigh) {
			excluded = append(excluded, store.AreaInnerThigh)
		}
		h.Consents = []store.Consent{{On: screen.On, How: store.ConsentWritten, Assessment: true,
			Techniques: "massage, stretching, trigger point work", Draping: true, Areas: areas, Excluded: excluded}}
		if screen.On.After(first) {
			h.Consents[0].On = first
		}
	}
	return h
}

// triggerNames are the triggers tagged on any of the visits.
func triggerNames(history []store.Session, v vocabulary) map[string]bool {
	names := map[int64]string{}
	for name, id := range v[store.Trigger] {
		names[id] = name
	}
	out := map[string]bool{}
	for _, s := range history {
		for _, t := range s.Triggers {
			out[names[t.TermID]] = true
		}
	}
	return out
}

func dayStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}
