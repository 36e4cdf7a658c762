package store

// The words a client reads on their own screen and on the blank paper
// form: plain, one thing at a time, no clinical terms. The therapist's
// screens keep the clinical wording (Label, Short); these are for the
// client, and the paper and the screen share them so the two forms ask the
// same thing.

// ClientWords is the red-flag question as a client reads it.
func (f RedFlag) ClientWords() string {
	switch f {
	case SaddleNumbness:
		return "Numbness or a strange feeling around your bottom or genitals, where you would sit on a saddle"
	case BladderBowel:
		return "New trouble starting to pee, a weaker stream, or not feeling when you pee or poo"
	case RectalVaginalSensation:
		return "Not being able to feel your back passage or vagina, or not feeling when your bowel is full"
	case BilateralSciatica:
		return "Pain, numbness or pins and needles going down both legs"
	case SexualDysfunction:
		return "New problems with sex: getting an erection, ejaculating, or feeling in your genitals"
	case LegWeakness:
		return "Legs that are weak or getting weaker: tripping, or a foot that flops or drags"
	case WidespreadNeuro:
		return "Numbness or weakness in more than one leg, unsteady walking, or clumsy hands"
	case MajorTrauma:
		return "A bad accident before the pain started, such as a fall from a height or a car crash"
	case MinorTraumaBones:
		return "A small fall or knock, if you have thin bones (osteoporosis) or take steroid tablets"
	case StructuralDeformity:
		return "A new change in the shape of your back that you or others can see"
	case AgeAtOnset:
		return "This is the first time you have had back pain, and you are under 20 or over 50"
	case HistoryOfCancer:
		return "Cancer, now or at any time in the past"
	case WeightLoss:
		return "Losing weight without trying"
	case Fever:
		return "Fever, chills or feeling generally unwell along with the back pain"
	case NightPain:
		return "Pain at night that does not ease when you rest or change position"
	case ThoracicPain:
		return "Pain in the middle or upper back, between the shoulder blades"
	case ProlongedSteroids:
		return "Taking steroid tablets (such as prednisolone) for three months or more"
	case ImmuneSuppression:
		return "A weak immune system: chemotherapy, medicines after a transplant, or HIV"
	case IVDrugUse:
		return "Injecting drugs"
	case RecentInfection:
		return "A recent infection, an injection into the spine, an operation, or a wound near the spine"
	case InflammatoryBackPain:
		return "Back pain that started before 45, has lasted over three months, is stiff for over half an hour in the morning and gets better when you move"
	case NoImprovement:
		return "No better after 4 to 6 weeks of care"
	}
	return f.Label()
}

// ClientWords is the condition as a client reads it.
func (c Condition) ClientWords() string {
	switch c {
	case HighBloodPressure:
		return "High blood pressure"
	case Diabetes:
		return "Diabetes"
	case Osteoporosis:
		return "Thin or weak bones (osteoporosis)"
	case CancerHistory:
		return "Cancer, now or in the past"
	case Pregnancy:
		return "You are pregnant"
	case RecentSurgery:
		return "An operation in the last few months"
	case ClottingDisorder:
		return "Blood clots, or you bruise or bleed easily, or take blood thinners"
	case SkinCondition:
		return "A skin problem, rash or open wound"
	case NumbnessTingling:
		return "Numbness or tingling anywhere"
	case OtherCondition:
		return "Anything else about your health your therapist should know"
	}
	return c.Label()
}

// ClientWords is the consent area as a client reads it.
func (a ConsentArea) ClientWords() string {
	switch a {
	case AreaGluteal:
		return "Your buttocks (the muscles of your bottom), over the sheet or towel"
	case AreaAbdomen:
		return "Your belly (abdomen)"
	case AreaChest:
		return "Your chest wall, around the ribs and below the collarbone"
	case AreaBreast:
		return "Breast tissue"
	case AreaInnerThigh:
		return "Your inner thigh, up to the groin"
	case AreaFace:
		return "Your face and jaw"
	}
	return a.Label()
}

// ClientConsentWords is what a client agrees to with a consent, the words
// the screen and the paper form print above the signature.
const ClientConsentWords = "I agree to a massage treatment of the areas I said yes to, after my therapist explained " +
	"what they will do and how I will be covered with a sheet or towel. I can ask to stop or change anything at any " +
	"time, and I can take back my consent to any area whenever I want."
