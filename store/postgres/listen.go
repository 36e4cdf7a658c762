package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// ChangesChannel is the channel every write transaction notifies at its
// commit (store/sqlstore): the payload names kinds and identifiers only,
// never what a record says.
const ChangesChannel = "backtrack_changes"

// Listen holds a connection of its own LISTENing on ChangesChannel until
// ctx ends, calling notice with each payload (from another goroutine).
// It returns once it listens, or has failed to reach the server once: a
// commit after that is either noticed or followed by resumed. When the
// server goes away it connects again, waiting longer after each failure
// (up to maxPause); once listening again it calls resumed, since notices
// sent while it was away are lost and whoever listens must read afresh.
func (db *DB) Listen(ctx context.Context, notice func(payload string), resumed func()) {
	config, err := pgx.ParseConfig(db.dsn)
	if err != nil {
		return // Open parsed the same DSN: not reached
	}
	conn, _ := listenOn(ctx, config)
	go keepListening(ctx, config, conn, notice, resumed)
}

// keepListening listens on conn (nil when the server could not be reached)
// and on each new connection after it, until ctx ends.
func keepListening(ctx context.Context, config *pgx.ConnConfig, conn *pgx.Conn, notice func(string), resumed func()) {
	pause := minPause
	for ctx.Err() == nil {
		if conn == nil {
			select {
			case <-ctx.Done():
				return
			case <-time.After(pause):
			}
			var err error
			if conn, err = listenOn(ctx, config); err != nil {
				pause = min(2*pause, maxPause)
				continue
			}
			pause = minPause
			resumed()
		}
		for listening(ctx, conn, notice) {
		}
		closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(closeCtx)
		cancel()
		conn = nil
	}
}

// listening waits for the next notice, and reports whether the connection
// is still good: a quiet half minute is checked with a ping, so a server
// that vanished without closing the connection (a cable pulled) is noticed.
func listening(ctx context.Context, conn *pgx.Conn, notice func(string)) bool {
	waitCtx, cancel := context.WithTimeout(ctx, quietCheck)
	defer cancel()
	n, err := conn.WaitForNotification(waitCtx)
	switch {
	case err == nil:
		notice(n.Payload)
		return true
	case ctx.Err() == nil && waitCtx.Err() != nil:
		pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		return conn.Ping(pingCtx) == nil
	}
	return false
}

// quietCheck is how long the listener waits for a notice before it checks
// that the server is still there.
const quietCheck = 30 * time.Second

// The listener's wait between attempts to reach the server again.
const (
	minPause = 100 * time.Millisecond
	maxPause = 5 * time.Second
)

func listenOn(ctx context.Context, config *pgx.ConnConfig) (*pgx.Conn, error) {
	connectCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(connectCtx, config.Copy())
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(connectCtx, "LISTEN "+ChangesChannel); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	return conn, nil
}
