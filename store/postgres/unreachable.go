package postgres

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// lostServer reports an error that says the server could not be reached
// or went away (stopped, restarted, the network down) rather than that it
// refused what was asked: the same request may succeed later.
func lostServer(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false // the caller gave up, not the server
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// connection_exception; admin_shutdown, crash_shutdown, cannot_connect_now
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), pgconn.Timeout(err):
		return true
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	// pgx's words for a connection it closed after a failure
	return strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "conn busy")
}
