-- An import of clients is kept as one batch, so it can be taken back as
-- one step (a file mapped the wrong way, the wrong file) while nothing has
-- been recorded on its clients since: log_seq is the audit entry of the
-- import, and an entry about one of its clients after it means something
-- was. Undoing removes the clients and marks the batch undone; the record's
-- history keeps the import, each client's creation and the undo.
CREATE TABLE IF NOT EXISTS import_batches (
    id          BIGSERIAL PRIMARY KEY,
    uid         TEXT   NOT NULL UNIQUE,
    imported_at TEXT   NOT NULL,
    source      TEXT   NOT NULL DEFAULT '',
    log_seq     BIGINT NOT NULL,
    undone_at   TEXT   NOT NULL DEFAULT ''
);
-- By the clients' identifiers, not their row numbers.
CREATE TABLE IF NOT EXISTS import_batch_clients (
    batch_id   BIGINT NOT NULL REFERENCES import_batches (id),
    client_uid TEXT   NOT NULL,
    PRIMARY KEY (batch_id, client_uid)
);

-- A clinic set up before this version: therapists import and undo, the
-- auditors read (clinic_roles.sql says the same for clinic init).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_therapist') THEN
        GRANT SELECT, INSERT, UPDATE ON import_batches, import_batch_clients TO backtrack_therapist;
        GRANT USAGE, SELECT ON SEQUENCE import_batches_id_seq TO backtrack_therapist;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_auditor') THEN
        GRANT SELECT ON import_batches, import_batch_clients TO backtrack_auditor;
    END IF;
END $$;
