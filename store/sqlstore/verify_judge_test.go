package sqlstore

import (
	"errors"
	"slices"
	"strings"
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
		r := recover()
		err, _ := r.(error)
		if err == nil || !strings.Contains(err.Error(), "a record the judge cannot read") ||
			!strings.Contains(err.Error(), "verify_judge_test.go") {
			t.Errorf("the caller got %v, want the judge's panic with where it was raised", r)
		}
		if !j.stopped() {
			t.Error("the reader was not told to stop")
		}
	}()
	j.wait()
	t.Error("wait returned after a batch panicked")
}

// A record the judge cannot read stops the reader, and is the check's
// error whatever the reader meets after it.
func TestARecordTheJudgeCannotReadStopsTheReader(t *testing.T) {
	j := startJudge()
	defer j.finish()
	rc := &recordCheck{judge: j}
	rc.fail(errors.New("submission 7 cannot be read"))
	rc.fail(errors.New("a later one"))
	if !j.stopped() || rc.err == nil || rc.err.Error() != "submission 7 cannot be read" {
		t.Errorf("stopped %v, error %v", j.stopped(), rc.err)
	}
}
