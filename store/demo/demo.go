// Package demo fills a database with realistic, deterministic sample data:
// clients whose pain improves, plateaus or relapses over their visits, with
// plausible triggers, muscles and notes. The same seed on the same day gives
// the same practice.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"time"

	"backtrack/store"
	"backtrack/store/sqlstore"
)

// Options size the sample practice.
type Options struct {
	Clients int // default 40
	// Sessions is the total number of visits. 0 gives each client 1 to 40.
	// From 1,000 on, one long-term client has 500 weekly visits.
	Sessions int
	Seed     int64
	Today    time.Time // the day the practice is "now"; default today
}

// LongTermVisits is the size of the long-term client's history in a large
// practice.
const LongTermVisits = 500

// Summary says what Fill wrote.
type Summary struct {
	Clients  int
	Sessions int
	Drafts   int // notes left unsigned
	Amended  int
	Voided   int
	Measures int // outcome measures that follow each client's pain story
	Plans    int
}

// Therapist signs the sample practice's notes.
const Therapist = "Anna Keller, LMT"

// amendAndVoidOne shows a note's history in the sample: the first
// client's second visit amended (the pain after was misread), their third
// voided (entered on the wrong client).
func amendAndVoidOne(b *sqlstore.Batch, sum *Summary) error {
	first, err := b.FirstClientSessions()
	if err != nil || len(first) < 3 {
		return err
	}
	amend := first[1]
	if amend.PainAfter.Recorded && amend.PainAfter.Score > 0 {
		amend.PainAfter = store.PainOf(amend.PainAfter.Score - 1)
	} else {
		amend.PainAfter = store.PainOf(2)
	}
	if _, err := b.AmendSession(amend, "Pain after treatment was misread from the client's scale", Therapist); err != nil {
		return fmt.Errorf("demo amendment: %w", err)
	}
	if _, err := b.VoidSession(first[2].ID, "Entered on the wrong client", Therapist); err != nil {
		return fmt.Errorf("demo void: %w", err)
	}
	sum.Amended, sum.Voided = 1, 1
	return nil
}

// MaxClients bounds a sample practice: a large clinic (20,000 clients) and
// room beyond it, not a number that runs until memory is gone.
const MaxClients = 100_000

// ErrHasClients means the database already has clients: sample data goes
// into a new database only, never among real records.
var ErrHasClients = errors.New("the database already has clients; sample data goes into a new database only")

// Fill adds the sample practice to s in one transaction, which first checks
// that s has no client yet: two demos, or a demo beside an import, never mix.
func Fill(ctx context.Context, s *sqlstore.Store, opt Options) (Summary, error) {
	if opt.Clients <= 0 {
		opt.Clients = 40
	}
	if opt.Clients > MaxClients {
		return Summary{}, fmt.Errorf("demo: at most %d clients (got %d)", MaxClients, opt.Clients)
	}
	if opt.Sessions < 0 {
		return Summary{}, fmt.Errorf("demo: sessions must not be negative")
	}
	if most := MaxSessions(opt.Clients); opt.Sessions > most {
		return Summary{}, fmt.Errorf("demo: %d clients can have at most %d sessions (40 each, 500 for the long-term client); got %d",
			opt.Clients, most, opt.Sessions)
	}
	if opt.Today.IsZero() {
		opt.Today = time.Now()
	}
	today := time.Date(opt.Today.Year(), opt.Today.Month(), opt.Today.Day(), 0, 0, 0, 0, time.Local)
	r := rand.New(rand.NewSource(opt.Seed))
	// The health records draw from a source of their own, so the visits
	// of a seed are the same with them as before them.
	hr := rand.New(rand.NewSource(opt.Seed ^ 0x5eed_1a7a))
	counts := visitCounts(r, opt.Clients, opt.Sessions)
	fr := rand.New(rand.NewSource(opt.Seed + 1))      // measures and plans: the sessions stay as they were
	sr := rand.New(rand.NewSource(opt.Seed ^ 0x516e)) // signatures: the rest stays as it was

	var sum Summary
	err := s.Batch(ctx, func(b *sqlstore.Batch) error {
		if n, err := b.ClientCount(); err != nil {
			return err
		} else if n > 0 {
			return ErrHasClients
		}
		v, err := loadVocabulary(b)
		if err != nil {
			return err
		}
		for i, n := range counts {
			c, err := b.CreateClient(newClient(r, i, n, today))
			if err != nil {
				return fmt.Errorf("demo client %d: %w", i+1, err)
			}
			sum.Clients++
			history := newHistory(r, v, c, n, today)
			saved := make([]store.Session, 0, len(history))
			for j, sess := range history {
				// Every note is signed but the latest of every fifth
				// client, left a draft to sign.
				var err error
				if j == len(history)-1 && i%5 == 2 {
					sess, err = b.SaveSession(sess)
					sum.Drafts++
				} else {
					sess, err = b.SaveSignedSession(sess, Therapist)
				}
				if err != nil {
					return fmt.Errorf("demo session for client %d: %w", i+1, err)
				}
				saved = append(saved, sess)
				sum.Sessions++
			}
			h := healthFor(hr, i, c, history, v, today)
			var forms store.Submission
			if signedByClient(i) {
				forms = clientsForms(sr, c, &h)
			}
			if !h.Empty() {
				if err := b.SetHealth(c.ID, h); err != nil {
					return fmt.Errorf("demo health record for client %d: %w", i+1, err)
				}
			}
			if signedByClient(i) {
				if err := keepClientsForms(b, forms); err != nil {
					return fmt.Errorf("demo signed forms of client %d: %w", i+1, err)
				}
			}
			if err := addFunction(b, fr, i, c, saved, &sum); err != nil {
				return fmt.Errorf("demo measures for client %d: %w", i+1, err)
			}
		}
		return amendAndVoidOne(b, &sum)
	})
	if err != nil {
		return Summary{}, fmt.Errorf("fill sample data: %w", err)
	}
	return sum, nil
}

// MaxSessions is the most visits Fill can spread over clients: at most 40
// per regular client, plus the long-term client's 500.
func MaxSessions(clients int) int {
	if clients > 1 {
		return LongTermVisits + (clients-1)*regularMaxVisits
	}
	return clients * regularMaxVisits
}

// regularMaxVisits is the longest history of a client other than the
// long-term one.
const regularMaxVisits = 40

// visitCounts decides how many visits each client has. The long-term
// client, when there is one, comes first.
func visitCounts(r *rand.Rand, clients, total int) []int {
	counts := make([]int, clients)
	if total == 0 {
		for i := range counts {
			counts[i] = 1 + r.Intn(40)
		}
		return counts
	}
	first := 0
	// One long-term client in a large practice, or when the visits do not
	// fit 40 per client otherwise.
	if clients > 1 && (total >= 2*LongTermVisits || total > clients*regularMaxVisits) {
		counts[0] = min(LongTermVisits, total-(clients-1))
		total -= counts[0]
		first = 1
	}
	for i := first; i < clients && total > 0; i++ { // everyone seen at least once
		counts[i]++
		total--
	}
	for total > 0 { // the rest at random; Fill checked that they fit
		i := first + r.Intn(clients-first)
		if counts[i] < regularMaxVisits {
			counts[i]++
			total--
		}
	}
	return counts
}

// vocabulary holds the built-in terms Fill tags sessions with.
type vocabulary map[store.Kind]map[string]int64

func loadVocabulary(b *sqlstore.Batch) (vocabulary, error) {
	v := vocabulary{}
	for kind, names := range map[store.Kind][]string{
		store.PainType:  {"Sharp / stabbing", "Dull ache", "Stiffness", "Decreased mobility", "Fatigue", "Referred pain"},
		store.Trigger:   {"Lifting repeatedly", "Sitting long", "Running on uneven surface", "Running on soft surface", "Weight-lifting overuse", "Sudden strenuous activity", "Previous injury", "Blunt hit"},
		store.Muscle:    {"Quadratus lumborum", "Gluteus medius", "Erector spinae", "Piriformis", "Iliopsoas", "Hamstrings"},
		store.Technique: {"Massage", "Stretching"},
	} {
		v[kind] = map[string]int64{}
		for _, name := range names {
			t, err := b.TermNamed(kind, name)
			if err != nil {
				return nil, err
			}
			v[kind][name] = t.ID
		}
	}
	return v, nil
}

func newClient(r *rand.Rand, i, visits int, today time.Time) store.Client {
	first, last := firstNames[r.Intn(len(firstNames))], lastNames[r.Intn(len(lastNames))]
	if r.Intn(25) == 0 {
		n := nativeNames[r.Intn(len(nativeNames))]
		first, last = n[0], n[1]
	}
	age := 22 + r.Intn(55)
	if visits >= LongTermVisits {
		age = 62
	}
	dob := today.AddDate(-age, -r.Intn(12), -r.Intn(28))
	c := store.Client{
		FirstName:      first,
		LastName:       last,
		DateOfBirth:    dob,
		Phone:          fmt.Sprintf("+%d %03d %03d %03d", 30+r.Intn(20), 500+r.Intn(400), r.Intn(1000), r.Intn(1000)),
		MedicalHistory: histories[r.Intn(len(histories))],
	}
	if r.Intn(5) > 0 {
		local := asciiName(first) + "." + asciiName(last)
		if local == "." { // a name in Greek or Cyrillic letters
			local = "client"
		}
		c.Email = fmt.Sprintf("%s%d@%s", strings.Trim(local, "."), i+1, emailDomains[r.Intn(len(emailDomains))])
	}
	if r.Intn(6) == 0 {
		c.Contraindications = contraindications[r.Intn(len(contraindications))]
	}
	if r.Intn(3) == 0 {
		c.Medications = medications[r.Intn(len(medications))]
	}
	return c
}

// asciiName turns a name into the kind of letters an email address uses.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range store.Fold(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// course is how a client's pain develops over their visits.
type course int

const (
	improving course = iota
	plateau
	relapse
)

// profile is what stays the same across one client's visits.
type profile struct {
	course     course
	startPain  float64
	endPain    float64
	triggers   []string
	painTypes  []string
	muscles    []store.Tag
	stretching bool
	maps       []storyMark // where it hurts over the course (body_map.go)
	side       store.Side  // the side it hurts on
}

// Triggers and the pain and muscles the article ties them to, and where
// the pain is on the body chart: a tight quadratus lumborum is sharp and
// stabbing in the lumbar region of one side; gluteus medius refers pain
// down the posterior thigh, which goes first as it eases.
var patterns = []struct {
	triggers  []string
	painTypes []string
	muscles   []string
	maps      []storyMark
}{
	{[]string{"Sitting long"}, []string{"Dull ache", "Stiffness"}, []string{"Quadratus lumborum", "Iliopsoas"},
		[]storyMark{{"lumbar", "Dull ache", 1, 1}, {"lumbar-c", "Stiffness", 0, 0.7}, {"sacral", "Dull ache", 0.6, 0.4}}},
	{[]string{"Lifting repeatedly", "Weight-lifting overuse"}, []string{"Sharp / stabbing", "Decreased mobility"}, []string{"Quadratus lumborum", "Erector spinae"},
		[]storyMark{{"lumbar", "Sharp / stabbing", 1, 1}, {"iliac-crest", "Sharp / stabbing", 0.8, 0.5}, {"lumbar-c", "Decreased mobility", 0, 0.6}}},
	{[]string{"Running on uneven surface", "Running on soft surface"}, []string{"Referred pain", "Fatigue"}, []string{"Gluteus medius", "Piriformis", "Hamstrings"},
		[]storyMark{{"gluteal-upper", "Referred pain", 1, 1}, {"thigh-posterior", "Referred pain", 0.8, 0.55}, {"hip-lateral", "Fatigue", 0.5, 0.8}}},
	{[]string{"Sudden strenuous activity", "Previous injury"}, []string{"Sharp / stabbing", "Stiffness"}, []string{"Gluteus medius", "Quadratus lumborum"},
		[]storyMark{{"lumbar", "Sharp / stabbing", 1, 1}, {"hip-lateral", "Stiffness", 0.7, 0.7}, {"gluteal-upper", "Stiffness", 0, 0.45}}},
	{[]string{"Blunt hit", "Previous injury"}, []string{"Dull ache", "Decreased mobility"}, []string{"Gluteus medius"},
		[]storyMark{{"gluteal-upper", "Dull ache", 1, 1}, {"gluteal-lower", "Dull ache", 0.7, 0.6}, {"hip-lateral", "Decreased mobility", 0.6, 0.8}}},
}

func newProfile(r *rand.Rand, v vocabulary) profile {
	pat := patterns[r.Intn(len(patterns))]
	p := profile{maps: pat.maps, course: course(r.Intn(3)), startPain: float64(5 + r.Intn(5)), stretching: r.Intn(4) > 0}
	p.endPain = math.Max(0, p.startPain-float64(3+r.Intn(4)))
	p.triggers = pat.triggers[:1+r.Intn(len(pat.triggers))]
	p.painTypes = pat.painTypes[:1+r.Intn(len(pat.painTypes))]
	side := store.Sides[r.Intn(len(store.Sides))]
	p.side = side
	for _, name := range pat.muscles[:1+r.Intn(len(pat.muscles))] {
		p.muscles = append(p.muscles, store.Tag{TermID: v[store.Muscle][name], Name: name, Side: side})
	}
	return p
}

// painAt is the client's pain before treatment at visit i of n.
func (p profile) painAt(r *rand.Rand, i, n int) float64 {
	t := 0.0
	if n > 1 {
		t = float64(i) / float64(n-1)
	}
	var level float64
	switch p.course {
	case improving:
		level = p.startPain - (p.startPain-p.endPain)*math.Sqrt(t)
	case plateau:
		level = p.startPain - math.Min(2, p.startPain-p.endPain)*math.Min(1, 3*t)
	case relapse:
		if t < 0.6 {
			level = p.startPain - (p.startPain-p.endPain)*t/0.6
		} else {
			level = p.startPain - 1 - (p.startPain-p.endPain-1)*(t-0.6)/0.8
		}
	}
	return clamp(level + r.NormFloat64()*0.7)
}

func clamp(x float64) float64 { return math.Max(0, math.Min(10, math.Round(x))) }

// newHistory plans a client's visits, oldest first, ending in the recent past.
func newHistory(r *rand.Rand, v vocabulary, c store.Client, n int, today time.Time) []store.Session {
	if n == 0 {
		return nil
	}
	p := newProfile(r, v)
	interval := 7 + r.Intn(22) // days between visits
	if n >= LongTermVisits {
		interval = 7
	} else if n*interval > 720 { // keep regular clients within two years
		interval = 720 / n
	}
	last := today.AddDate(0, 0, -r.Intn(45))
	first := last.AddDate(0, 0, -interval*(n-1))
	sessions := make([]store.Session, 0, n)
	for i := 0; i < n; i++ {
		day := first.AddDate(0, 0, i*interval+r.Intn(3)-1)
		if day.After(today) {
			day = today
		}
		start := day.Add(time.Duration(8*60+30*r.Intn(20)) * time.Minute)
		sess := withProgramme(newSession(r, v, p, c.ID, start, i, n))
		if i > 0 {
			sess = withAdherence(sess, sessions[i-1])
		}
		sessions = append(sessions, sess)
	}
	return sessions
}

func newSession(r *rand.Rand, v vocabulary, p profile, clientID int64, start time.Time, i, n int) store.Session {
	before := int(p.painAt(r, i, n))
	after := int(clamp(float64(before) - float64(r.Intn(4)) + 0.4))
	sess := store.Session{
		ClientID:    clientID,
		Start:       start,
		DurationMin: []int{30, 45, 60, 60, 60, 75, 90}[r.Intn(7)],
		PainBefore:  store.PainOf(before),
		PainAfter:   store.PainOf(after),
		BodyMap:     p.bodyMapAt(v, before, i, n),
		Muscles:     p.muscles,
	}
	if r.Intn(25) == 0 {
		sess.PainBefore = store.Pain{}
	}
	if r.Intn(16) == 0 {
		sess.PainAfter = store.Pain{}
	}
	for _, name := range p.painTypes {
		if r.Intn(4) > 0 || len(sess.PainTypes) == 0 {
			sess.PainTypes = append(sess.PainTypes, store.Tag{TermID: v[store.PainType][name]})
		}
	}
	trigger := p.triggers[r.Intn(len(p.triggers))]
	sess.Triggers = []store.Tag{{TermID: v[store.Trigger][trigger]}}
	if r.Intn(20) == 0 {
		sess.TriggerOther = otherTriggers[r.Intn(len(otherTriggers))]
	}
	sess.Techniques = []store.Tag{{TermID: v[store.Technique]["Massage"]}}
	if p.stretching {
		sess.Techniques = append(sess.Techniques, store.Tag{TermID: v[store.Technique]["Stretching"]})
	}
	sess.Notes.Subjective, sess.Notes.Objective, sess.Notes.Assessment, sess.Notes.Plan, sess.HomeCare =
		soap(r, before, after, trigger, p.muscles[0].Name)
	return sess
}
