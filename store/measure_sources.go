package store

// Citation is the questionnaire's source and who to ask for its use, as
// the client's screen and the paper form print it under the questions
// (the README says what a practice must arrange for each).
func (k MeasureKind) Citation() string {
	switch k {
	case ODI:
		return "Oswestry Disability Index 2.1a. © Jeremy Fairbank 1980. Fairbank JCT, Pynsent PB. Spine 2000;25(22):2940-2953. " +
			"Distributed by Mapi Research Trust (eprovide.mapi-trust.org): the statements are shown only under the practice's licence."
	case RMDQ:
		return "Roland-Morris Disability Questionnaire. Roland M, Morris R. Spine 1983;8(2):141-144; " +
			"Roland M, Fairbank J. Spine 2000;25(24):3115-3124."
	case PSFS:
		return "Patient-Specific Functional Scale. Stratford P, Gill C, Westaway M, Binkley J. " +
			"Physiotherapy Canada 1995;47(4):258-263."
	}
	return ""
}

// PSFSClientQuestion is the PSFS's question as the client reads it, after
// Stratford et al. 1995; 0 is "unable to do it", 10 "able to do it as well
// as before the problem".
const PSFSClientQuestion = "Name up to three important activities that you cannot do, or find hard to do, because of " +
	"your back. Then rate each: 0 means you cannot do it at all, 10 means you can do it as well as before the problem."

// PainClientQuestion is pain today as the client reads it (a 0-10 numeric
// rating scale).
const PainClientQuestion = "How bad is your pain today? 0 is no pain, 10 is the worst pain you can imagine."
