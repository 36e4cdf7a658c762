package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"sync"
	"time"

	"backtrack/store"
	"backtrack/store/postgres"
)

// Change is what another desk (or a command) changed in the record since
// the last Change. Its own store's writes are not reported: the desk that
// saved already shows what it saved.
type Change struct {
	// Clients are the identifiers (store.Client.UID) of the clients whose
	// record or visits changed.
	Clients []string
	// All means the watcher cannot say what changed (another desk on the
	// same file, notices missed while the server was away, a large
	// import): whatever is shown is to be read again.
	All bool
}

// Concerns reports whether the change may touch the client with that UID.
func (c Change) Concerns(clientUID string) bool {
	if c.All {
		return true
	}
	for _, uid := range c.Clients {
		if uid == clientUID {
			return true
		}
	}
	return false
}

// merge adds o to c.
func (c *Change) merge(o Change) {
	if c.All || o.All {
		*c = Change{All: true}
		return
	}
	for _, uid := range o.Clients {
		if !c.Concerns(uid) {
			c.Clients = append(c.Clients, uid)
		}
	}
	if len(c.Clients) > maxNamedClients {
		*c = Change{All: true}
	}
}

func (c Change) empty() bool { return !c.All && len(c.Clients) == 0 }

// maxNamedClients is how many clients a notice names; a transaction that
// changes more (an import) says All.
const maxNamedClients = 50

// dataVersionPoll is how often a file is asked whether another connection
// has committed (PRAGMA data_version: a read of a counter, no I/O).
const dataVersionPoll = time.Second

// Watch reports, until ctx ends, the changes other desks commit to the
// record after it returns. On a practice server it LISTENs on a connection of its own
// (reconnecting when the server goes away, then reporting All); on a file
// it polls SQLite's data_version on the writer's connection, which counts
// only other connections' commits. Changes that arrive while the receiver
// is busy are merged into the next one, so the channel never blocks a
// writer. The channel is closed when ctx ends.
func (s *Store) Watch(ctx context.Context) <-chan Change {
	out := make(chan Change)
	in := make(chan Change, 16)
	go mergeChanges(ctx, in, out)
	send := func(c Change) {
		select {
		case in <- c:
		case <-ctx.Done():
		}
	}
	switch {
	case s.write == nil: // read-only: nothing changes here worth watching
	case s.OnServer():
		s.engine.(*postgres.DB).Listen(ctx, func(payload string) {
			if c, ok := s.readNotice(payload); ok {
				send(c)
			}
		}, func() { send(Change{All: true}) })
	default:
		last := s.dataVersion(ctx)
		go s.pollDataVersion(ctx, last, send)
	}
	return out
}

// mergeChanges hands what arrives on in to out, merging whatever arrives
// while out's reader is busy.
func mergeChanges(ctx context.Context, in <-chan Change, out chan<- Change) {
	defer close(out)
	var pending Change
	for {
		var deliver chan<- Change
		if !pending.empty() {
			deliver = out
		}
		select {
		case <-ctx.Done():
			return
		case c := <-in:
			pending.merge(c)
		case deliver <- pending:
			pending = Change{}
		}
	}
}

// pollDataVersion asks the writer's connection (the only one: the pool
// holds one) for data_version every second; a new value means another
// connection, another desk's, committed.
func (s *Store) pollDataVersion(ctx context.Context, last int64, send func(Change)) {
	tick := time.NewTicker(dataVersionPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if v := s.dataVersion(ctx); v >= 0 {
			if last >= 0 && v != last {
				send(Change{All: true})
			}
			last = v
		}
	}
}

// dataVersion is the writer's connection's data_version, -1 when it could
// not be read (the next poll tries again).
func (s *Store) dataVersion(ctx context.Context) int64 {
	var v int64
	if err := s.write.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return -1
	}
	return v
}

// notice is the payload of a server notice: which store sent it and the
// clients it changed; identifiers only, never what a record says.
type notice struct {
	Origin  string   `json:"o"`
	Clients []string `json:"c,omitempty"`
	All     bool     `json:"all,omitempty"`
}

func (s *Store) readNotice(payload string) (Change, bool) {
	var n notice
	if err := json.Unmarshal([]byte(payload), &n); err != nil {
		return Change{All: true}, true // a newer Backtrack's notice: read again
	}
	if n.Origin == s.origin {
		return Change{}, false
	}
	return Change{Clients: n.Clients, All: n.All}, true
}

// newOrigin names a store in its notices, so it can tell its own.
func newOrigin() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// pendingChanges are the changes each write transaction has made so far,
// announced in one notice as it commits.
type pendingChanges struct {
	mu   sync.Mutex
	byTx map[*sql.Tx]*Change
}

// note records, in tx, a change to the client with that UID ("" for the
// record as a whole).
func (p *pendingChanges) note(tx *sql.Tx, clientUID string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.byTx == nil {
		p.byTx = map[*sql.Tx]*Change{}
	}
	c := p.byTx[tx]
	if c == nil {
		c = &Change{}
		p.byTx[tx] = c
	}
	if clientUID == "" {
		c.merge(Change{All: true})
	} else {
		c.merge(Change{Clients: []string{clientUID}})
	}
}

// take removes and returns what tx changed.
func (p *pendingChanges) take(tx *sql.Tx) Change {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.byTx[tx]
	delete(p.byTx, tx)
	if c == nil {
		return Change{}
	}
	return *c
}

// noteChange remembers, for the notice at commit, that tx changed a
// client's record (clientUID "" for the whole record).
func (s *Store) noteChange(tx *sql.Tx, e store.AuditEntry) {
	switch e.Action {
	case store.ReportPrinted, store.RecordsExported, store.RecordsBackedUp, store.ClientCopyGiven:
		return // read, not changed
	}
	if s.OnServer() {
		s.pending.note(tx, e.Client)
	}
}

// announce notifies the other desks, inside tx just before it commits, of
// what tx changed: the server delivers the notice only if the commit lands.
func (s *Store) announce(ctx context.Context, tx *sql.Tx) error {
	c := s.pending.take(tx)
	if c.empty() || !s.OnServer() {
		return nil
	}
	payload, err := json.Marshal(notice{Origin: s.origin, Clients: c.Clients, All: c.All})
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `SELECT pg_notify(?, ?)`, postgres.ChangesChannel, string(payload))
	return err
}
