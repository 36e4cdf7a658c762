package demo

// Names from the countries a small European practice sees, with the
// accents and scripts that search and reports must handle.
var firstNames = []string{
	"Marta", "Jonas", "Lena", "José", "Zoë", "Anna", "Piotr", "Sofia", "Luca", "Emma",
	"Mateo", "Ingrid", "Olivier", "Chloé", "Søren", "Agnieszka", "Tomás", "Eleni", "Dmitri", "Hanna",
	"Noah", "Amélie", "Björn", "Katarzyna", "Giulia", "Jakub", "Laura", "Márton", "Ewa", "Felix",
	"Nadia", "Pedro", "Ana", "Oskar", "Irene", "Miguel", "Julia", "Ole", "Clara", "Yusuf",
}

var lastNames = []string{
	"Nowak-Świątek", "Petrauskas", "Fischer", "Núñez", "Ångström", "Kowalski", "Rossi", "Dubois",
	"Jensen", "Müller", "García", "Novák", "Papadopoulou", "Ivanova", "Schmidt", "Lindqvist",
	"Horváth", "Martín", "Bianchi", "Łukasiewicz", "Moreau", "Nielsen", "Wójcik", "Sánchez",
	"Becker", "Costa", "Öztürk", "Kovač", "Hansen", "Lefèvre", "Andersen", "Ferreira",
	"Kaminski", "Weber", "Russo", "Eriksson", "Dvořák", "Fontaine", "Ortega", "Brennan",
}

// A few clients write their names in their own script.
var nativeNames = [][2]string{
	{"Ελένη", "Παπαδοπούλου"},
	{"Дмитрий", "Иванов"},
	{"Αλέξανδρος", "Γεωργίου"},
	{"Ольга", "Смирнова"},
}

var emailDomains = []string{"example.com", "example.org", "mail.example.net"}

var contraindications = []string{
	"Pregnant, 2nd trimester: side-lying only, no deep abdominal work.",
	"Anticoagulants (warfarin): light pressure only, watch for bruising.",
	"Lumbar disc surgery in March 2026: no direct pressure over L4-L5.",
	"Osteoporosis: gentle pressure, no joint mobilisation.",
	"Varicose veins on both calves: avoid deep work on lower legs.",
	"Diabetes type 2, reduced sensation in feet: check pressure with client.",
}

var medications = []string{
	"Ibuprofen 400 mg as needed.",
	"Paracetamol 1 g up to three times a day.",
	"Naproxen 250 mg twice daily during flare-ups.",
	"Cyclobenzaprine 5 mg at night (muscle relaxant).",
	"Levothyroxine 75 µg daily.",
}

var histories = []string{
	"Office worker, sits 8+ hours a day. Recurrent lower back pain for 3 years.",
	"Amateur runner (trail, 30 km a week). Pain after long runs on uneven ground.",
	"Warehouse worker, lifts boxes all day. Acute episode after a heavy lift.",
	"Keen gym-goer, deadlifts and squats 4x a week.",
	"Nurse on night shifts, long hours standing and lifting patients.",
	"Retired, gardens daily. Old sports injury to the left hip.",
	"Cyclist and desk worker. Stiffness in the morning, eases after moving.",
	"Fell on ice in January; bruised right buttock, pain since.",
}

var otherTriggers = []string{
	"gardening", "moving house", "long drive", "carrying a toddler", "new mattress", "ski trip",
}
