-- An import of clients is kept as one batch, so it can be taken back as
-- one step (a file mapped the wrong way, the wrong file) while nothing has
-- been recorded on its clients since: log_seq is the audit entry of the
-- import, and an entry about one of its clients after it means something
-- was. Undoing removes the clients and marks the batch undone; the record's
-- history keeps the import, each client's creation and the undo.
CREATE TABLE IF NOT EXISTS import_batches (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    imported_at TEXT    NOT NULL,
    source      TEXT    NOT NULL DEFAULT '',
    log_seq     INTEGER NOT NULL,
    undone_at   TEXT    NOT NULL DEFAULT ''
);
-- By the clients' identifiers, not their row numbers: a row number freed
-- by an undo may be given to the next client added.
CREATE TABLE IF NOT EXISTS import_batch_clients (
    batch_id   INTEGER NOT NULL REFERENCES import_batches (id),
    client_uid TEXT    NOT NULL,
    PRIMARY KEY (batch_id, client_uid)
);
