package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// The check reads the record and judges what it read: the reading is the
// database's (stepping through rows, scanning them into the domain's
// types), the judging is this process's own (re-sealing each history
// entry, decoding each health record, hashing each note and comparing it
// with its latest entry). Each is about half of the check, so the two
// are done side by side, a batch of history entries or a page of clients
// at a time: on a laptop's second core the check takes about the time of
// the larger of the two halves, for the same work.

// judge does the judging on a goroutine of its own, each batch in the
// order handed to it. What it is handed it alone touches until wait; it
// never uses the transaction, which is the reader's (a connection reads
// one statement at a time, and a server's one at a time from one client).
type judge struct {
	work  chan func()
	done  chan struct{}
	close sync.Once
	// halted is set when the judge can judge no more (a record it could
	// not read, or a batch that panicked): the reader stops reading.
	halted atomic.Bool
	// panicked is what a batch panicked with, and where: the judge judges
	// no more, takes the rest so the reader is not left waiting, and wait
	// panics with it on the caller's goroutine, where it would have been
	// raised.
	panicked any
}

// judgeAhead is how many batches may wait for the judge: enough that
// neither waits on the other's uneven batches, few enough that the check
// holds a few pages of clients (those waiting, the one judged, the one
// being read).
const judgeAhead = 2

func startJudge() *judge {
	j := &judge{work: make(chan func(), judgeAhead), done: make(chan struct{})}
	go func() {
		defer close(j.done)
		for f := range j.work {
			if j.panicked == nil {
				j.run(f)
			}
		}
	}()
	return j
}

func (j *judge) run(f func()) {
	defer func() {
		if r := recover(); r != nil {
			j.panicked = fmt.Errorf("the check's judge: %v\n%s", r, debug.Stack())
			j.halted.Store(true)
		}
	}()
	f()
}

// do hands the judge a batch to judge after those handed before it.
func (j *judge) do(f func()) { j.work <- f }

// halt tells the reader to stop: the judge can judge no more.
func (j *judge) halt() { j.halted.Store(true) }

// stopped reports whether the reader should stop reading.
func (j *judge) stopped() bool { return j.halted.Load() }

// finish lets the judge end once it has judged what it was handed; wait
// does too, and a caller defers it in case the reader panics.
func (j *judge) finish() { j.close.Do(func() { close(j.work) }) }

// wait returns once every batch handed over is judged.
func (j *judge) wait() {
	j.finish()
	<-j.done
	if j.panicked != nil {
		panic(j.panicked)
	}
}

// checkHistory is the check's walk of the history and the records
// against it, on one snapshot: the chain's problems, then the records'.
// server is the practice server's answer about the whole chain (nil for a
// file).
func checkHistory(ctx context.Context, tx *sql.Tx, server *serverChain) ([]string, recordFindings, error) {
	j := startJudge()
	defer j.finish()
	chain := newChainWalk()
	records := &recordCheck{latest: chain.latest, judge: j}
	err := readChain(ctx, tx, chain, server, j)
	if err == nil {
		err = readRecords(ctx, tx, records, j)
	}
	j.wait()
	if records.err != nil { // what the judge met came before what the reader met since
		return nil, recordFindings{}, records.err
	}
	if err != nil {
		return nil, recordFindings{}, err
	}
	found, err := records.findings(ctx, tx)
	return chain.problems(server), found, err
}
