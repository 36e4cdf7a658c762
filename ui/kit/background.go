package kit

import (
	"context"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
)

// Tasks runs slow work (queries, saves, exports, backups) off the UI
// goroutine so the window never freezes, and hands results back through
// fyne.Do. It counts work in flight, so the desk can wait for it before
// closing the database (and tests for the screen to settle), and gives long
// work a context that stopLong cancels, so quitting does not wait for a whole
// batch of reports.
type Tasks struct {
	pending sync.WaitGroup
	// applying keeps results from landing at the same time. On the desktop
	// they all land on the UI goroutine anyway; the test driver runs
	// fyne.Do inline on the calling goroutine, so there it matters.
	applying sync.Mutex
	// Hold, when set, keeps work started from then on from running until it
	// is closed: tests use it to let the screen move on before work runs.
	Hold chan struct{}

	ctxOnce sync.Once
	ctx     context.Context
	stop    context.CancelFunc
}

// Context is cancelled by stopLong. Work that may take long (exports,
// reports, backups, checks of files) runs under it; saves do not: they are
// short, and a therapist who quits after saving expects the save kept.
func (t *Tasks) Context() context.Context {
	t.ctxOnce.Do(func() { t.ctx, t.stop = context.WithCancel(context.Background()) })
	return t.ctx
}

// StopLong cancels long work; wait then returns once it has stopped, and a
// cancelled export or backup has removed its partial files by then.
func (t *Tasks) StopLong() {
	t.Context()
	t.stop()
}

// Run calls work on its own goroutine, then apply on the UI goroutine.
func (t *Tasks) Run(work func() func()) {
	t.pending.Add(1)
	hold := t.Hold
	go func() {
		defer t.pending.Done()
		if hold != nil {
			<-hold
		}
		if apply := work(); apply != nil {
			fyne.Do(func() {
				t.applying.Lock()
				defer t.applying.Unlock()
				apply()
			})
		}
	}()
}

// OnUI runs fn as if on the UI goroutine: never at the same time as a
// result landing. Tests act through it, as a therapist's clicks would.
func (t *Tasks) OnUI(fn func()) {
	t.applying.Lock()
	defer t.applying.Unlock()
	fn()
}

// Wait blocks until every task started so far has finished (tests only:
// the test driver runs fyne.Do inline, so results are applied by then).
func (t *Tasks) Wait() { t.pending.Wait() }

// Latest guards one screen area that reloads often (the client list while
// the therapist types): every load gets a generation number and a context,
// a newer load cancels the older one, and a result that is no longer the
// newest is dropped instead of overwriting fresher data.
type Latest struct {
	Gen    atomic.Uint64
	mu     sync.Mutex
	cancel context.CancelFunc
}

// Begin starts a new generation and cancels the previous load's context.
func (l *Latest) Begin() (context.Context, uint64) {
	ctx, cancel := context.WithCancel(context.Background())
	l.mu.Lock()
	if l.cancel != nil {
		l.cancel()
	}
	l.cancel = cancel
	l.mu.Unlock()
	return ctx, l.Gen.Add(1)
}

// Stop cancels the load in flight and drops its result, for when what it
// was loading is no longer wanted (its screen closed, its input cleared).
func (l *Latest) Stop() {
	l.mu.Lock()
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
	l.mu.Unlock()
	l.Gen.Add(1)
}

// Current reports whether gen is still the newest load.
func (l *Latest) Current(gen uint64) bool { return l.Gen.Load() == gen }

// LoadLatest runs query in the background and applies its result only if
// no newer load has started meanwhile.
func LoadLatest[T any](t *Tasks, l *Latest, query func(ctx context.Context) (T, error), apply func(T, error)) {
	ctx, gen := l.Begin()
	t.Run(func() func() {
		v, err := query(ctx)
		return func() {
			if l.Current(gen) {
				apply(v, err)
			}
		}
	})
}
