package sqlite

import (
	"container/list"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"reflect"
)

// The store's statements are written once as SQL text and run through
// database/sql, which asks the driver to parse each one anew: a quarter of
// a desk's save went in parsing (docs/BENCHMARKS.md). The connections this
// file hands to database/sql keep the statements they parsed, by their
// text, and run them again from there. SQLite re-parses a kept statement
// by itself when the schema changes under it (sqlite3_prepare_v2).

// keptStatements is how many statements a connection keeps: the desk's
// few dozen, with room for the lists of ids whose length varies. The
// least recently used goes first.
const keptStatements = 256

// openPool opens a pool of connections to dsn that keep their statements.
func openPool(dsn string) *sql.DB {
	return sql.OpenDB(keepingConnector{dsn: dsn, driver: registered})
}

// registered is the driver modernc.org/sqlite registers as "sqlite".
var registered = func() driver.Driver {
	db, _ := sql.Open("sqlite", "") // opens nothing until used
	defer db.Close()
	return db.Driver()
}()

type keepingConnector struct {
	dsn    string
	driver driver.Driver
}

func (c keepingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.driver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &keepingConn{inner: conn, kept: map[string]*list.Element{}, order: list.New()}, nil
}

func (c keepingConnector) Driver() driver.Driver { return c.driver }

// keepingConn is the driver's connection with its statements kept.
// database/sql uses a connection from one goroutine at a time, rows'
// Close included, so it needs no lock of its own.
type keepingConn struct {
	inner driver.Conn
	kept  map[string]*list.Element // of *keptStatement, most recent first in order
	order *list.List
}

type keptStatement struct {
	query string
	stmt  driver.Stmt
	// busy is a query whose rows are still being read: the same text
	// asked for meanwhile gets a statement of its own
	busy bool
}

// statement returns the kept statement for query, parsing it the first
// time, or nil when it is being read from already.
func (c *keepingConn) statement(ctx context.Context, query string) (*keptStatement, error) {
	if e, ok := c.kept[query]; ok {
		c.order.MoveToFront(e)
		k := e.Value.(*keptStatement)
		if k.busy {
			return nil, nil
		}
		return k, nil
	}
	stmt, err := c.inner.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	k := &keptStatement{query: query, stmt: stmt}
	c.kept[query] = c.order.PushFront(k)
	c.evict()
	return k, nil
}

// evict closes the least recently used statements beyond keptStatements,
// passing over any still being read and the one just kept (at the front).
func (c *keepingConn) evict() {
	for e := c.order.Back(); e != nil && e != c.order.Front() && c.order.Len() > keptStatements; {
		prev := e.Prev()
		if k := e.Value.(*keptStatement); !k.busy {
			k.stmt.Close()
			c.order.Remove(e)
			delete(c.kept, k.query)
		}
		e = prev
	}
}

func (c *keepingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	k, err := c.statement(ctx, query)
	if err != nil {
		return nil, err
	}
	if k == nil {
		return c.inner.(driver.ExecerContext).ExecContext(ctx, query, args)
	}
	return k.stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *keepingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	k, err := c.statement(ctx, query)
	if err != nil {
		return nil, err
	}
	if k == nil {
		return c.inner.(driver.QueryerContext).QueryContext(ctx, query, args)
	}
	rows, err := k.stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	k.busy = true
	return &keptRows{Rows: rows, kept: k}, nil
}

// keptRows frees its statement for the next query when closed.
type keptRows struct {
	driver.Rows
	kept *keptStatement
}

func (r *keptRows) Close() error {
	r.kept.busy = false
	return r.Rows.Close()
}

// The driver's column types, as its rows on the other path give them.

func (r *keptRows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return t.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

func (r *keptRows) ColumnTypeScanType(i int) reflect.Type {
	if t, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return t.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}

func (r *keptRows) ColumnTypeNullable(i int) (nullable, ok bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypeNullable); ok {
		return t.ColumnTypeNullable(i)
	}
	return false, false
}

func (r *keptRows) ColumnTypeLength(i int) (int64, bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypeLength); ok {
		return t.ColumnTypeLength(i)
	}
	return 0, false
}

func (r *keptRows) ColumnTypePrecisionScale(i int) (precision, scale int64, ok bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypePrecisionScale); ok {
		return t.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}

// Prepare, Begin and the rest are the driver's own.

func (c *keepingConn) Prepare(query string) (driver.Stmt, error) { return c.inner.Prepare(query) }

func (c *keepingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.inner.(driver.ConnPrepareContext).PrepareContext(ctx, query)
}

func (c *keepingConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *keepingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.inner.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

// Close closes the kept statements, then the connection.
func (c *keepingConn) Close() error {
	var errs []error
	for e := c.order.Front(); e != nil; e = e.Next() {
		errs = append(errs, e.Value.(*keptStatement).stmt.Close())
	}
	c.kept, c.order = nil, list.New()
	return errors.Join(append(errs, c.inner.Close())...)
}

func (c *keepingConn) Ping(ctx context.Context) error { return c.inner.(driver.Pinger).Ping(ctx) }

func (c *keepingConn) ResetSession(ctx context.Context) error {
	return c.inner.(driver.SessionResetter).ResetSession(ctx)
}

func (c *keepingConn) IsValid() bool { return c.inner.(driver.Validator).IsValid() }

// Unwrap is the driver's connection, for what reaches it through Raw
// (modernc.org/sqlite's connector asks wrappers for it).
func (c *keepingConn) Unwrap() driver.Conn { return c.inner }
