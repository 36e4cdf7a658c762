package sqlstore

import (
	"context"
	"database/sql"
)

// The check reads the record and judges what it read: the reading is the
// database's (stepping through rows, scanning them into the domain's
// types), the judging is this process's own (re-sealing each history
// entry, decoding each health record, hashing each note and comparing it
// with its latest entry). Each is about half of the check, so the two
// are done side by side, a batch of history entries or a page of clients
// at a time: on a laptop's second core the check takes about the time of
// its reading alone, for the same work.

// judge does the judging on a goroutine of its own, each batch in the
// order handed to it. What it is handed it alone touches until wait; it
// never uses the transaction, which is the reader's (a connection reads
// one statement at a time, and a server's one at a time from one client).
type judge struct {
	work chan func()
	done chan struct{}
	// panicked is what a batch panicked with: the judge judges no more,
	// takes the rest so the reader is not left waiting, and wait panics
	// with it on the caller's goroutine, where it would have been raised.
	panicked any
}

// judgeAhead is how many batches the reader may read ahead of the judge:
// enough that neither waits on the other's uneven batches, few enough
// that the check's memory stays a few pages of clients.
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
	defer func() { j.panicked = recover() }()
	f()
}

// do hands the judge a batch to judge after those handed before it.
func (j *judge) do(f func()) { j.work <- f }

// wait returns once every batch handed over is judged.
func (j *judge) wait() {
	close(j.work)
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
	chain := newChainWalk()
	records := &recordCheck{latest: chain.latest}
	err := readChain(ctx, tx, chain, server, j)
	if err == nil {
		err = readRecords(ctx, tx, records, j)
	}
	j.wait()
	if err != nil {
		return nil, recordFindings{}, err
	}
	found, err := records.findings(ctx, tx)
	return chain.problems(server), found, err
}
