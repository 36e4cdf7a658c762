package insight

// Caveats go with every view of the insights: a record is observational,
// and these are the ways it misleads (Kazdin 2011 on single-case designs;
// Barnett et al. 2005 on regression to the mean).
var Caveats = []string{
	"Observational, not cause: the record shows what went together, not what did it.",
	"Techniques are chosen because of the day's pain: a technique kept for bad days will look worse than it is.",
	"Carry-over: what helped at one visit may show at the next, on either side of a comparison.",
	"Regression toward the mean: after a bad day the next is often better, whatever was done.",
	"Many comparisons: of every 20 made where nothing is there, about 1 crosses the line by chance; a finding is worth watching, not proof.",
}
