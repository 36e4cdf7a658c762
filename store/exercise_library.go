package store

import "strings"

// Exercise is one of the library's home exercises: what to do, what the
// client should feel and what should make them stop, a dose to start from,
// the muscles it works (names of the desk's muscle vocabulary) and the
// intake conditions that advise against it.
type Exercise struct {
	ID       string // stable for good: notes and exports name it
	Name     string
	Kind     ExerciseKind
	Steps    []string
	Feel     string
	Stop     string
	Dose     Dose
	Muscles  []string
	Cautions []ExerciseCaution
}

// ExerciseKind sorts the library as a therapist thinks of it.
type ExerciseKind string

// The kinds.
const (
	Stretch       ExerciseKind = "stretch"
	Mobility      ExerciseKind = "mobility"
	Strengthening ExerciseKind = "strengthening"
)

// ExerciseCaution is an intake condition that advises against an exercise,
// and why, in the words the therapist is warned with.
type ExerciseCaution struct {
	Condition Condition
	Why       string
}

// The cautions the sources give (README, "A home programme"): the Royal
// Osteoporosis Society's "Strong, Steady and Straight" (loaded, sudden or
// end-of-range forward bending and twisting of the spine), pregnancy
// advice (not lying flat on the back from about 16 weeks) and the deep hip
// bend and crossing after hip surgery.
var (
	flexionWithOsteoporosis = ExerciseCaution{Osteoporosis,
		"bends the spine forward to the end of its range: with osteoporosis, keep the movement small and slow or choose another"}
	twistWithOsteoporosis = ExerciseCaution{Osteoporosis,
		"twists the spine to the end of its range: with osteoporosis, keep it small and supported or choose another"}
	flatOnTheBack = ExerciseCaution{Pregnancy,
		"is done lying flat on the back: from about 16 weeks of pregnancy do it propped up or on the side instead"}
	proneOrBellyLoad = ExerciseCaution{Pregnancy,
		"loads the belly and side: later in pregnancy use the kneeling version or leave it out"}
	deepHipBend = ExerciseCaution{RecentSurgery,
		"bends the hip deeply: after hip or spine surgery, only as the surgeon's team allows"}
)

// exerciseLibrary is the library, in the order a programme is usually built:
// stretches, then mobility, then strengthening.
var exerciseLibrary = []Exercise{
	{ID: "ql-side-bend", Name: "Side-bend stretch (quadratus lumborum)", Kind: Stretch,
		Steps: []string{"Stand tall, feet hip-width apart.", "Reach one arm up and over your head.",
			"Lean gently to the other side until you feel the stretch in your side, between ribs and hip.",
			"Breathe slowly; come back up tall."},
		Feel: "A gentle pull along the side of your waist, on the side of the raised arm.",
		Stop: "Sharp pain, pain running down a leg, or pins and needles.",
		Dose: Dose{HoldSec: 30, Reps: 3, PerDay: 2}, Muscles: []string{"Quadratus lumborum", "Latissimus dorsi"},
		Cautions: []ExerciseCaution{{Osteoporosis, "bends the spine sideways: with osteoporosis, keep it slow and within comfort"}}},
	{ID: "childs-pose-side-reach", Name: "Child's pose with side reach", Kind: Stretch,
		Steps: []string{"Kneel, big toes together, knees apart; sit back towards your heels.",
			"Lower your chest and reach both arms forward on the floor.",
			"Walk both hands to one side until you feel the other side of your back stretch.",
			"Hold, walk back to the middle, then to the other side."},
		Feel: "A stretch along your back and the side of your waist.",
		Stop: "Pain in the knees, pain down a leg, or dizziness.",
		Dose: Dose{HoldSec: 30, Reps: 2, PerDay: 1}, Muscles: []string{"Quadratus lumborum", "Latissimus dorsi", "Erector spinae"},
		Cautions: []ExerciseCaution{flexionWithOsteoporosis, deepHipBend}},
	{ID: "knee-to-chest", Name: "Knee to chest", Kind: Stretch,
		Steps: []string{"Lie on your back, knees bent, feet flat.", "Bring one knee towards your chest and hold it with both hands behind the thigh.",
			"Keep the other foot on the floor.", "Lower slowly and change legs."},
		Feel: "A gentle stretch in your lower back and buttock.",
		Stop: "Pain in the groin or the front of the hip, or pain down a leg.",
		Dose: Dose{HoldSec: 20, Reps: 3, PerDay: 2}, Muscles: []string{"Erector spinae", "Gluteus maximus"},
		Cautions: []ExerciseCaution{flexionWithOsteoporosis, flatOnTheBack, deepHipBend}},
	{ID: "supine-twist", Name: "Lying twist", Kind: Mobility,
		Steps: []string{"Lie on your back, knees bent and together, arms out to the sides.",
			"Let both knees lower slowly to one side, keeping your shoulders on the floor.",
			"Bring them back to the middle and lower them to the other side."},
		Feel: "A comfortable turn through your lower back and a stretch across your hip.",
		Stop: "Sharp or pinching pain in the back, or pain down a leg.",
		Dose: Dose{HoldSec: 5, Reps: 10, PerDay: 2}, Muscles: []string{"Erector spinae", "Multifidus", "Quadratus lumborum"},
		Cautions: []ExerciseCaution{twistWithOsteoporosis, flatOnTheBack}},
	{ID: "figure-four", Name: "Figure-four stretch (piriformis)", Kind: Stretch,
		Steps: []string{"Sit tall near the front of a steady chair, feet flat.",
			"Cross one ankle over the other knee, so the legs make a 4.",
			"Keeping your back straight, lean forward from the hips until you feel the stretch."},
		Feel: "A stretch deep in the buttock of the crossed leg.",
		Stop: "Pain in the knee or the groin, or pain or tingling down the leg.",
		Dose: Dose{HoldSec: 30, Reps: 3, PerDay: 2}, Muscles: []string{"Piriformis", "Gluteus maximus", "Gluteus medius"},
		Cautions: []ExerciseCaution{deepHipBend}},
	{ID: "kneeling-hip-flexor", Name: "Kneeling hip flexor stretch", Kind: Stretch,
		Steps: []string{"Kneel on one knee on a cushion, the other foot flat in front.",
			"Tuck your tailbone under and stand tall.", "Shift your weight gently forward until you feel the front of the back hip stretch."},
		Feel: "A stretch at the front of the hip and thigh of the kneeling leg.",
		Stop: "Pain in the kneeling knee or the low back.",
		Dose: Dose{HoldSec: 30, Reps: 3, PerDay: 2}, Muscles: []string{"Iliopsoas", "Tensor fasciae latae"}},
	{ID: "hamstring-stretch", Name: "Hamstring stretch with a towel", Kind: Stretch,
		Steps: []string{"Lie on your back, one knee bent, foot flat.", "Loop a towel round the other foot and hold both ends.",
			"Raise that leg, knee straight or nearly, until you feel the back of the thigh stretch."},
		Feel: "A stretch along the back of the thigh of the raised leg.",
		Stop: "Pain, tingling or numbness down the leg or into the foot.",
		Dose: Dose{HoldSec: 30, Reps: 3, PerDay: 2}, Muscles: []string{"Hamstrings"},
		Cautions: []ExerciseCaution{flatOnTheBack}},
	{ID: "pelvic-tilt", Name: "Pelvic tilt", Kind: Mobility,
		Steps: []string{"Lie on your back, knees bent, feet flat.",
			"Tighten your tummy gently and press the small of your back into the floor, tilting the pelvis.",
			"Hold, breathing normally, then relax."},
		Feel: "Your tummy working and your lower back lengthening.",
		Stop: "Pain in the back that gets worse as you go.",
		Dose: Dose{HoldSec: 5, Reps: 10, PerDay: 2}, Muscles: []string{"Erector spinae", "Multifidus"},
		Cautions: []ExerciseCaution{flatOnTheBack}},
	{ID: "cat-cow", Name: "Cat–cow", Kind: Mobility,
		Steps: []string{"On hands and knees, hands under shoulders, knees under hips.",
			"Round your back up towards the ceiling, letting your head drop (cat).",
			"Then let your back sag gently and look forward (cow).", "Move slowly between the two."},
		Feel: "Your back moving easily, one part at a time.",
		Stop: "Sharp pain at any point of the movement, or pain in the wrists.",
		Dose: Dose{Reps: 10, PerDay: 2}, Muscles: []string{"Erector spinae", "Multifidus"},
		Cautions: []ExerciseCaution{flexionWithOsteoporosis}},
	{ID: "clamshell", Name: "Clamshell", Kind: Strengthening,
		Steps: []string{"Lie on your side, hips and knees bent, feet together.",
			"Keeping your feet together and your hips still, lift the top knee.",
			"Lower it slowly."},
		Feel: "The side of your buttock working.",
		Stop: "Pain in the hip or the low back.",
		Dose: Dose{Reps: 12, Sets: 2, PerDay: 1}, Muscles: []string{"Gluteus medius", "Gluteus minimus", "Piriformis"}},
	{ID: "side-lying-abduction", Name: "Side-lying leg raise", Kind: Strengthening,
		Steps: []string{"Lie on your side, bottom knee bent, top leg straight in line with your body.",
			"Lift the top leg, toes pointing forward, a little way up.", "Lower it slowly."},
		Feel: "The side of your hip working.",
		Stop: "Pain in the hip, the groin or the low back.",
		Dose: Dose{Reps: 10, Sets: 2, PerDay: 1}, Muscles: []string{"Gluteus medius", "Gluteus minimus", "Tensor fasciae latae"}},
	{ID: "glute-bridge", Name: "Bridge", Kind: Strengthening,
		Steps: []string{"Lie on your back, knees bent, feet flat, hip-width apart.",
			"Squeeze your buttocks and lift your hips until your body is in a line from shoulders to knees.",
			"Hold, then lower slowly one part of your back at a time."},
		Feel: "Your buttocks and the backs of your thighs working.",
		Stop: "Pain in the low back or cramp in the back of the thigh.",
		Dose: Dose{HoldSec: 5, Reps: 10, Sets: 2, PerDay: 1}, Muscles: []string{"Gluteus maximus", "Hamstrings", "Erector spinae"},
		Cautions: []ExerciseCaution{flatOnTheBack}},
	{ID: "bird-dog", Name: "Bird-dog", Kind: Strengthening,
		Steps: []string{"On hands and knees, back flat.",
			"Reach one arm forward and the opposite leg back, level with your body.",
			"Hold without letting your back sag or turn; change sides."},
		Feel: "Your back, buttock and shoulder working to keep you steady.",
		Stop: "Pain in the back or the wrists.",
		Dose: Dose{HoldSec: 5, Reps: 8, Sets: 2, PerDay: 1}, Muscles: []string{"Multifidus", "Erector spinae", "Gluteus maximus"}},
	{ID: "side-plank-modified", Name: "Side plank on the knees", Kind: Strengthening,
		Steps: []string{"Lie on your side on your forearm, elbow under shoulder, knees bent.",
			"Lift your hips until your body is in a line from head to knees.", "Hold, then lower slowly."},
		Feel: "The side of your waist and hip working.",
		Stop: "Pain in the shoulder or the back.",
		Dose: Dose{HoldSec: 10, Reps: 5, PerDay: 1}, Muscles: []string{"Quadratus lumborum", "Gluteus medius"},
		Cautions: []ExerciseCaution{proneOrBellyLoad}},
}

// Exercises is the library, in its order.
func Exercises() []Exercise { return exerciseLibrary }

var exerciseIndex = func() map[string]int {
	m := make(map[string]int, len(exerciseLibrary))
	for i, ex := range exerciseLibrary {
		m[ex.ID] = i
	}
	return m
}()

// ExerciseByID finds a library exercise.
func ExerciseByID(id string) (Exercise, bool) {
	i, ok := exerciseIndex[id]
	if !ok {
		return Exercise{}, false
	}
	return exerciseLibrary[i], true
}

// Works reports whether the exercise targets a muscle (by name, folded).
func (ex Exercise) Works(muscle string) bool {
	m := Fold(muscle)
	for _, name := range ex.Muscles {
		if Fold(name) == m {
			return true
		}
	}
	return false
}

// ExercisesFor suggests library exercises for the muscles treated, those
// that work the most of them first, then in library order.
func ExercisesFor(muscles []Tag) []Exercise {
	type scored struct {
		ex Exercise
		n  int
	}
	var out []scored
	for _, ex := range exerciseLibrary {
		n := 0
		for _, m := range muscles {
			if ex.Works(m.Name) {
				n++
			}
		}
		if n > 0 {
			out = append(out, scored{ex, n})
		}
	}
	// a stable insertion sort: a dozen entries
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].n > out[j-1].n; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	res := make([]Exercise, len(out))
	for i, s := range out {
		res[i] = s.ex
	}
	return res
}

// CautionsFor lists the intake's reasons to think again before prescribing
// an exercise: each condition answered "yes" that advises against it, as a
// sentence naming the exercise.
func CautionsFor(ex Exercise, in Intake) []string {
	var out []string
	for _, c := range ex.Cautions {
		if in.Condition(c.Condition).IsYes() {
			out = append(out, c.Condition.Label()+": "+ex.Name+" "+c.Why+".")
		}
	}
	return out
}

// ProgrammeCautions are the cautions of every exercise of a programme.
func ProgrammeCautions(programme []Prescription, in Intake) []string {
	var out []string
	for _, rx := range programme {
		if ex, ok := rx.Picture(); ok && rx.Exercise != "" {
			out = append(out, CautionsFor(ex, in)...)
		}
	}
	return out
}

// Initials are the first letters of the name's words: "KHF" for the
// kneeling hip flexor stretch, so a therapist types three letters.
func (ex Exercise) Initials() string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(ex.Name, func(r rune) bool { return r == ' ' || r == '-' || r == '–' || r == '(' }) {
		b.WriteString(strings.ToUpper(w[:1]))
	}
	return b.String()
}
