// Package clientmode is the client's own screen: the whole window handed
// to the client, in large type, one short page at a time, with the forms
// the therapist chose (the intake with the red-flag questions, consent
// with each sensitive area, the PSFS, pain today and where it hurts on
// the body chart) and a signature drawn
// on the glass. Nothing of the desk shows on it; only the therapist's PIN
// takes it back, and ten minutes without a touch lock it with the answers
// kept. What the client gave is kept whole as their submission, for the
// therapist to review (ui/clientview).
package clientmode
