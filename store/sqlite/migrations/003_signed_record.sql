-- A record that keeps its history. A session note is a draft until the
-- therapist signs it; a signed note changes only by amendment (the note as
-- it was is kept in session_amendments) and is voided, never deleted.
-- Notes written before this version are marked legacy: locked like signed
-- notes, without a signature. Every change to the record is an entry in an
-- append-only, hash-chained audit log; the first entries (one per record
-- already there) are written by Backtrack in this migration's transaction.

ALTER TABLE sessions ADD COLUMN signed_at   TEXT    NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN signed_by   TEXT    NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN legacy      INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1));
ALTER TABLE sessions ADD COLUMN voided_at   TEXT    NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN voided_by   TEXT    NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN void_reason TEXT    NOT NULL DEFAULT '';
-- sha-256 of a signed or legacy note's content (store.NoteHash)
ALTER TABLE sessions ADD COLUMN content_hash TEXT   NOT NULL DEFAULT '';

UPDATE sessions SET legacy = 1;

CREATE TABLE session_amendments (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE RESTRICT,
    amended_at TEXT    NOT NULL,
    amended_by TEXT    NOT NULL CHECK (amended_by <> ''),
    reason     TEXT    NOT NULL CHECK (reason <> ''),
    -- the fields that changed, and the note as it was before (JSON)
    changed    TEXT    NOT NULL,
    previous   TEXT    NOT NULL
);
CREATE INDEX session_amendments_by_session ON session_amendments (session_id, id);

CREATE TABLE audit_log (
    seq     INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,           -- local time 'YYYY-MM-DD HH:MM:SS'
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,           -- store.Action
    record  TEXT NOT NULL DEFAULT '', -- the UUID of the client or session
    client  TEXT NOT NULL DEFAULT '', -- the UUID of the client it belongs to
    detail  TEXT NOT NULL DEFAULT '', -- a reason, a file, counts
    content TEXT NOT NULL DEFAULT '', -- sha-256 of the record after the change
    -- for an entry brought by an import from another record's log: its
    -- hash there (the entry is otherwise as it was written)
    origin  TEXT NOT NULL DEFAULT '',
    prev    TEXT NOT NULL,           -- the previous entry's hash
    hash    TEXT NOT NULL            -- sha-256 over prev and this entry
);
CREATE INDEX audit_log_by_client ON audit_log (client, seq);
CREATE INDEX audit_log_by_record ON audit_log (record, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries are never changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries are never deleted');
END;
-- A signed note is voided, never deleted; a draft's discard is logged.
CREATE TRIGGER signed_sessions_are_kept BEFORE DELETE ON sessions
WHEN OLD.signed_at <> '' OR OLD.legacy = 1
BEGIN
    SELECT RAISE(ABORT, 'a signed note is never deleted: void it instead');
END;
