package testkit

import (
	"backtrack/store/sqlstore"
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the tests' own admin connection
)

// EngineEnv chooses the engine a package's store tests run on: unset or
// "sqlite" for a file in the test's temporary folder, "postgres" for a
// private PostgreSQL server that the test binary starts on 127.0.0.1 and
// stops at the end (make test runs the store's tests both ways).
const EngineEnv = "BACKTRACK_TEST_ENGINE"

// OnPostgres reports whether this run of the tests is on PostgreSQL.
func OnPostgres() bool { return os.Getenv(EngineEnv) == "postgres" }

// SQLiteOnly skips a test of something only a file has (its modes, its
// backups, killing the process that writes it) on a PostgreSQL run.
func SQLiteOnly(tb testing.TB) {
	tb.Helper()
	if OnPostgres() {
		tb.Skip("a test of the SQLite file itself")
	}
}

// cluster is the private server of this test binary.
var cluster struct {
	dir, bin, admin string
	port            int
	databases       atomic.Int64
}

// RunMain runs a package's tests (from TestMain) on the engine EngineEnv
// names, starting and stopping the private PostgreSQL server around them.
// A PostgreSQL run whose server cannot start fails: it never passes by
// skipping.
//
// Whatever the engine, the tests' data folder (settings.DataDir, where the
// heads of the records Backtrack opened are kept) is a private one made
// for the run, never the user's.
func RunMain(m *testing.M) int {
	config, err := os.MkdirTemp("", "backtrack-test-config-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "testkit: a private data folder:", err)
		return 1
	}
	defer os.RemoveAll(config)
	os.Setenv("XDG_CONFIG_HOME", config)
	// and a home of their own: a dialog that saves into the user's
	// Documents by default must not leave a client's file in the real one
	home := filepath.Join(config, "home")
	if err := os.Mkdir(home, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, "testkit: a private home folder:", err)
		return 1
	}
	os.Setenv("HOME", home)
	if !OnPostgres() {
		return m.Run()
	}
	if err := startCluster(); err != nil {
		fmt.Fprintln(os.Stderr, "testkit: start PostgreSQL:", err)
		return 1
	}
	defer stopCluster()
	return m.Run()
}

// postgresBin is the newest installed server's bin folder (Debian puts
// them under /usr/lib/postgresql/N/bin).
func postgresBin() (string, error) {
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	sort.Slice(found, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(found[i]))))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(found[j]))))
		return vi < vj
	})
	if len(found) == 0 {
		return "", fmt.Errorf("no PostgreSQL server installed (apt-get install postgresql)")
	}
	return filepath.Dir(found[len(found)-1]), nil
}

// asServerUser runs a server program as the postgres user when the tests
// run as root (the server refuses root), as the current user otherwise.
func asServerUser(name string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	return exec.Command(name, args...)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Server is a private PostgreSQL server in a temporary folder, listening
// on 127.0.0.1 only, trusting connections from there.
type Server struct {
	dir, bin, admin string
	port            int
	// durable servers acknowledge a commit once its WAL is written, as a
	// real one does: the tests that kill a server count on it
	durable bool
}

// startServer runs initdb in a new temporary folder and starts the server.
func startServer(durable bool) (*Server, error) {
	bin, err := postgresBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "backtrack-pg-")
	if err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("the server refuses to run as root and there is no postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := asServerUser(filepath.Join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "backtrack",
		"-E", "UTF8", "--locale=C.UTF-8").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	srv := &Server{dir: dir, bin: bin, port: port, durable: durable,
		admin: fmt.Sprintf("postgres://backtrack@127.0.0.1:%d/postgres?sslmode=disable", port)}
	if err := srv.start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return srv, nil
}

func (srv *Server) start() error {
	// fsync stays off even when durable: a killed server's writes are in
	// the operating system's cache, which the tests do not crash
	commit := "off"
	if srv.durable {
		commit = "on"
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=%s -c full_page_writes=off -c max_connections=200",
		srv.port, srv.dir, commit)
	if out, err := asServerUser(filepath.Join(srv.bin, "pg_ctl"), "-D", filepath.Join(srv.dir, "data"), "-l", filepath.Join(srv.dir, "server.log"),
		"-o", opts, "-w", "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(srv.dir, "server.log"))
		return fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return nil
}

func (srv *Server) stop() {
	asServerUser(filepath.Join(srv.bin, "pg_ctl"), "-D", filepath.Join(srv.dir, "data"), "-m", "immediate", "stop").Run()
	os.RemoveAll(srv.dir)
}

// PrivateServer starts a server of the test's own, stopped and removed at
// its end, for tests that kill it: the package's shared one stays up. It
// is durable: a commit it acknowledged survives its kill.
func PrivateServer(tb testing.TB) *Server {
	tb.Helper()
	PostgresOnly(tb)
	srv, err := startServer(true)
	if err != nil {
		tb.Fatalf("start a private PostgreSQL server: %v", err)
	}
	tb.Cleanup(srv.stop)
	return srv
}

// NewDatabase creates an empty database on srv and returns its DSN.
func (srv *Server) NewDatabase(tb testing.TB, name string) string {
	tb.Helper()
	admin, err := sql.Open("pgx", srv.admin)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	return fmt.Sprintf("postgres://backtrack@127.0.0.1:%d/%s?sslmode=disable", srv.port, name)
}

// Admin is srv's superuser DSN.
func (srv *Server) Admin() string { return srv.admin }

// Kill kills the server's postmaster with SIGKILL (as a power cut would
// stop it: its backends exit, nothing is shut down in order), from a child
// process running as the server's user.
func (srv *Server) Kill(tb testing.TB) {
	tb.Helper()
	pidFile, err := os.ReadFile(filepath.Join(srv.dir, "data", "postmaster.pid"))
	if err != nil {
		tb.Fatalf("kill the server: %v", err)
	}
	pid, _, _ := strings.Cut(string(pidFile), "\n")
	if out, err := asServerUser("kill", "-KILL", pid).CombinedOutput(); err != nil {
		tb.Fatalf("kill the server: %v %s", err, out)
	}
	// wait for the postmaster and its backends to go
	for i := 0; i < 500; i++ {
		if asServerUser("kill", "-0", pid).Run() != nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // the backends notice the postmaster is gone
}

// Restart starts the server again after Kill; it recovers from its WAL.
func (srv *Server) Restart(tb testing.TB) {
	tb.Helper()
	os.Remove(filepath.Join(srv.dir, "data", "postmaster.pid"))
	if err := srv.start(); err != nil {
		tb.Fatalf("restart the server: %v", err)
	}
}

func stopCluster() {
	if cluster.dir != "" {
		(&Server{dir: cluster.dir, bin: cluster.bin}).stop()
	}
}

func startCluster() error {
	srv, err := startServer(false)
	if err != nil {
		return err
	}
	cluster.dir, cluster.bin, cluster.port, cluster.admin = srv.dir, srv.bin, srv.port, srv.admin
	return nil
}

// PostgresDSN creates a new, empty database on the private server for one
// test and returns its DSN.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	if cluster.admin == "" {
		tb.Fatal("testkit: no PostgreSQL server: run the package with testkit.RunMain and " + EngineEnv + "=postgres")
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), cluster.databases.Add(1))
	admin, err := sql.Open("pgx", cluster.admin)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	return fmt.Sprintf("postgres://backtrack@127.0.0.1:%d/%s?sslmode=disable", cluster.port, name)
}

// ServerAdmin is the private server's superuser DSN, for tests of roles.
func ServerAdmin(tb testing.TB) string {
	tb.Helper()
	if cluster.admin == "" {
		tb.Fatal("testkit: no PostgreSQL server")
	}
	return cluster.admin
}

// OpenStorePair opens two stores on one new record, as two desks (or a
// desk and a command) would be: two on one file, or two on one database
// of the private server.
func OpenStorePair(tb testing.TB) (*sqlstore.Store, *sqlstore.Store) {
	tb.Helper()
	where := filepath.Join(tb.TempDir(), "shared.db")
	if OnPostgres() {
		where = PostgresDSN(tb)
	}
	return OpenStoreAt(tb, where), OpenStoreAt(tb, where)
}

// PostgresOnly skips a test of the practice server itself (roles, row
// security, a DSN on the command line) on a SQLite run; make test runs
// the PostgreSQL pass too, so it runs there.
func PostgresOnly(tb testing.TB) {
	tb.Helper()
	if !OnPostgres() {
		tb.Skip("a test of the practice server: runs with " + EngineEnv + "=postgres")
	}
}

// ClinicLogin creates a LOGIN role of its own (named name and the
// database's name) in the clinic group role group on the private server,
// and returns dsn as that role. The database's clinic roles must exist
// (Store.InitClinic).
func ClinicLogin(tb testing.TB, dsn, name, group string) string {
	tb.Helper()
	server, err := sql.Open("pgx", ServerAdmin(tb))
	if err != nil {
		tb.Fatal(err)
	}
	defer server.Close()
	database := dsn[strings.LastIndex(dsn, "/")+1 : strings.Index(dsn, "?")]
	role := name + "_" + database
	if _, err := server.Exec(fmt.Sprintf(`CREATE ROLE %s LOGIN PASSWORD 'x' IN ROLE %s`, role, group)); err != nil {
		tb.Fatalf("create role %s: %v", role, err)
	}
	return strings.Replace(dsn, "backtrack@", role+"@", 1)
}
