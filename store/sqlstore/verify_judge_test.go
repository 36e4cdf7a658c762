package sqlstore

import (
	"slices"
	"testing"
)

// The judge judges each batch in the order handed over, and a batch that
// panics panics where the check was called, after the reader has handed
// over the rest (never left waiting on a judge that stopped).
func TestTheJudgeKeepsTheOrderAndRaisesItsPanicToTheCaller(t *testing.T) {
	j := startJudge()
	var judged, want []int
	for i := range 3 * judgeAhead {
		want = append(want, i)
		j.do(func() { judged = append(judged, i) })
	}
	j.wait()
	if !slices.Equal(judged, want) {
		t.Errorf("judged %v, want %v", judged, want)
	}

	j = startJudge()
	j.do(func() { panic("a record the judge cannot read") })
	for range 3 * judgeAhead {
		j.do(func() { t.Error("a batch was judged after one panicked") })
	}
	defer func() {
		if r := recover(); r != "a record the judge cannot read" {
			t.Errorf("the caller got %v", r)
		}
	}()
	j.wait()
	t.Error("wait returned after a batch panicked")
}
