package exercisefig

// Angles are degrees anticlockwise from pointing right: 90 up, -90 down,
// 180 left. Side views face right, or lie with the head to the left.

var (
	// lying on the back, head to the left, face up
	supineTorso = Pose{View: Side, Lumbar: A(180), Chest: A(180), Head: A(180), Face: 90}
	// knee bent, foot flat on the floor beside the pelvis
	footFlat = Limbs{Thigh: A(50), Shin: A(-76), Foot: A(0)}
	// arms along the body, on the floor
	armsDown = Limbs{UpperArm: A(0), Forearm: A(0)}
	// on hands and knees, facing right
	kneeling = Limbs{Thigh: A(-90), Shin: A(180), Foot: A(180)}
	armDown  = Limbs{UpperArm: A(-90), Forearm: A(-90), Hand: F(0, 1)}
)

func with(legs, arms Limbs) Limbs {
	legs.UpperArm, legs.Forearm, legs.Hand = arms.UpperArm, arms.Forearm, arms.Hand
	return legs
}

func supine(near, far Limbs, props Props, arrows ...Arrow) Pose {
	p := supineTorso
	p.Near, p.Far, p.Props, p.Arrows = near, far, props, arrows
	p.Props.Mat = true
	return p
}

func allFours(lumbar, chest, head float64, near, far Limbs, arrows ...Arrow) Pose {
	return Pose{View: Side, Lumbar: A(lumbar), Chest: A(chest), Head: A(head), Face: head - 90,
		Near: near, Far: far, Props: Props{Mat: true}, Arrows: arrows}
}

// poses are the library's pictures, by exercise ID (store.Exercises).
var poses = map[string][]Pose{
	"ql-side-bend": {{View: Front, Lumbar: A(98), Chest: A(116), Head: A(124), Face: NoFace,
		Near:   Limbs{Thigh: A(-86), Shin: A(-89), Foot: F(-20, 0.45), UpperArm: A(112), Forearm: A(150)},
		Far:    Limbs{Thigh: A(-95), Shin: A(-91), Foot: F(200, 0.45), UpperArm: A(-104), Forearm: A(-98)},
		Arrows: []Arrow{{At: Pelvis, R: 62, From: 70, To: 112}}}},

	"childs-pose-side-reach": {{View: Side, Lumbar: A(22), Chest: A(-12), Head: A(-40), Face: -130,
		Near:  Limbs{Thigh: A(-18), Shin: A(180), Foot: A(180), UpperArm: A(-22), Forearm: A(-6), Hand: F(0, 1)},
		Far:   Limbs{Thigh: A(-18), Shin: A(180), Foot: A(180), UpperArm: A(-18), Forearm: A(-2), Hand: F(0, 1)},
		Props: Props{Mat: true}, HeadOnTop: true,
		Arrows: []Arrow{{At: NearHand, Offset: Point{-2, 9}, To2: Point{16, 0}}}}},

	"knee-to-chest": {supine(
		Limbs{Thigh: A(116), Shin: A(-18), Foot: A(-40), UpperArm: A(50), Forearm: A(2)},
		with(footFlat, Limbs{UpperArm: A(54), Forearm: A(4)}), Props{},
		Arrow{At: NearHip, R: 36, From: 72, To: 112})},

	"supine-twist": {{View: Above, Lumbar: A(180), Chest: A(180), Head: A(180), Face: NoFace,
		Near:   Limbs{Thigh: F(-62, 0.9), Shin: F(-8, 0.9), Foot: F(-8, 0.4), UpperArm: A(92), Forearm: A(92)},
		Far:    Limbs{Thigh: F(-70, 0.9), Shin: F(-12, 0.9), Foot: F(-12, 0.4), UpperArm: A(-92), Forearm: A(-92)},
		Props:  Props{Mat: true},
		Arrows: []Arrow{{At: Pelvis, R: 30, From: 5, To: -50}}}},

	"figure-four": {
		{View: Front, Lumbar: A(90), Chest: A(90), Head: A(90), Face: NoFace,
			Near:  Limbs{Thigh: F(-90, 0.28), Shin: A(-90), Foot: F(-90, 0.35), UpperArm: A(-84), Forearm: A(-40)},
			Far:   Limbs{Thigh: F(-135, 0.4), Shin: A(-4), Foot: F(10, 0.5), UpperArm: A(-100), Forearm: A(-70)},
			Props: Props{Chair: true}},
		{View: Side, Lumbar: A(68), Chest: A(58), Head: A(66), Face: -20,
			Near:   Limbs{Thigh: A(4), Shin: F(-100, 0.35), Foot: F(0, 0.6), UpperArm: A(-70), Forearm: A(-20)},
			Far:    Limbs{Thigh: A(0), Shin: A(-90), Foot: A(0), UpperArm: A(-75), Forearm: A(-25)},
			Props:  Props{Chair: true},
			Arrows: []Arrow{{At: Pelvis, R: 44, From: 95, To: 62}}},
	},

	"kneeling-hip-flexor": {{View: Side, Lumbar: A(92), Chest: A(90), Head: A(90), Face: 0,
		Near:   Limbs{Thigh: A(-112), Shin: A(180), Foot: A(180), UpperArm: A(-75), Forearm: A(-30)},
		Far:    Limbs{Thigh: A(-8), Shin: A(-90), Foot: A(0), UpperArm: A(-70), Forearm: A(-25)},
		Props:  Props{Mat: true, Cushion: true},
		Arrows: []Arrow{{At: Pelvis, Offset: Point{-2, -16}, To2: Point{15, 0}}}}},

	"hamstring-stretch": {supine(
		Limbs{Thigh: A(72), Shin: A(72), Foot: A(160), UpperArm: A(55), Forearm: A(58)},
		with(footFlat, Limbs{UpperArm: A(58), Forearm: A(60)}), Props{Towel: true},
		Arrow{At: NearHip, R: 56, From: 50, To: 84})},

	"pelvic-tilt": {supine(with(footFlat, armsDown), with(Limbs{Thigh: A(52), Shin: A(-75), Foot: A(0)}, armsDown), Props{},
		Arrow{At: Waist, Offset: Point{0, 24}, To2: Point{0, -11}})},

	"cat-cow": {
		allFours(32, -16, -70, with(kneeling, armDown), with(kneeling, armDown),
			Arrow{At: Waist, Offset: Point{0, 11}, To2: Point{0, 13}}),
		allFours(-2, 18, 40, with(kneeling, armDown), with(kneeling, armDown),
			Arrow{At: Waist, Offset: Point{0, 22}, To2: Point{0, -12}}),
	},

	"clamshell": {{View: Front, Lumbar: A(180), Chest: A(180), Head: A(180), Face: NoFace,
		Near:   Limbs{Thigh: F(32, 0.7), Shin: F(-44, 1.05), Foot: F(0, 0.4), UpperArm: A(-60), Forearm: A(-15)},
		Far:    Limbs{Thigh: F(-4, 0.7), Shin: F(-4, 0.7), Foot: F(0, 0.4), UpperArm: A(180), Forearm: A(180)},
		Props:  Props{Mat: true},
		Arrows: []Arrow{{At: NearHip, R: 24, From: 0, To: 42}}}},

	"side-lying-abduction": {{View: Front, Lumbar: A(180), Chest: A(180), Head: A(180), Face: NoFace,
		Near:   Limbs{Thigh: A(24), Shin: A(24), Foot: F(24, 0.35), UpperArm: A(-60), Forearm: A(-15)},
		Far:    Limbs{Thigh: A(-3), Shin: A(-3), Foot: F(0, 0.35), UpperArm: A(180), Forearm: A(180)},
		Props:  Props{Mat: true},
		Arrows: []Arrow{{At: NearHip, R: 50, From: 2, To: 34}}}},

	"glute-bridge": {{View: Side, Lumbar: A(200), Chest: A(194), Head: A(180), Face: 90,
		Near:   Limbs{Thigh: A(14), Shin: A(-80), Foot: A(0), UpperArm: A(-4), Forearm: A(0)},
		Far:    Limbs{Thigh: A(16), Shin: A(-78), Foot: A(0), UpperArm: A(-4), Forearm: A(0)},
		Props:  Props{Mat: true},
		Arrows: []Arrow{{At: Pelvis, Offset: Point{2, 10}, To2: Point{0, 12}}}}},

	"bird-dog": {allFours(8, 4, 10,
		with(kneeling, Limbs{UpperArm: A(4), Forearm: A(4), Hand: F(4, 1)}),
		Limbs{Thigh: A(178), Shin: A(178), Foot: A(-100), UpperArm: A(-90), Forearm: A(-90), Hand: F(0, 1)},
		Arrow{At: NearHand, Offset: Point{-8, 7}, To2: Point{12, 0}},
		Arrow{At: FarAnkle, Offset: Point{6, 7}, To2: Point{-12, 0}})},

	"side-plank-modified": {{View: Front, Lumbar: A(158), Chest: A(158), Head: A(160), Face: NoFace,
		Near:   Limbs{Thigh: A(-22), Shin: F(-22, 0.35), Foot: F(0, 0.3), UpperArm: A(88), Forearm: A(90)},
		Far:    Limbs{Thigh: A(-22), Shin: F(-22, 0.35), Foot: F(0, 0.3), UpperArm: A(-88), Forearm: F(-90, 0.3), Hand: F(-90, 0.3)},
		Props:  Props{Mat: true},
		Arrows: []Arrow{{At: Pelvis, Offset: Point{3, 9}, To2: Point{0, 13}}}}},
}
