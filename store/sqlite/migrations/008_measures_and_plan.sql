-- Function, not just pain: outcome measures (ODI, RMDQ, PSFS) as the
-- client's completed forms scored them, and one treatment plan per client.
-- Each is a record with its own UUID, covered by the audit log like clients
-- and notes. A measure's answers and a plan's goals are JSON arrays: they
-- are read and written whole, with the record.

CREATE TABLE measures (
    id          INTEGER PRIMARY KEY,
    uid         TEXT    NOT NULL UNIQUE,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    session_uid TEXT    NOT NULL DEFAULT '', -- the session it was taken at, if any
    kind        TEXT    NOT NULL CHECK (kind IN ('odi', 'rmdq', 'psfs')),
    taken_on    TEXT    NOT NULL,            -- 'YYYY-MM-DD'
    items       TEXT    NOT NULL,            -- [{"item": "1", "score": 3}, ...]
    note        TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX measures_by_client ON measures (client_id, kind, taken_on);

CREATE TABLE plans (
    id              INTEGER PRIMARY KEY,
    uid             TEXT    NOT NULL UNIQUE,
    client_id       INTEGER NOT NULL UNIQUE REFERENCES clients (id) ON DELETE RESTRICT,
    starts_on       TEXT    NOT NULL,
    planned_visits  INTEGER NOT NULL DEFAULT 0 CHECK (planned_visits >= 0),
    frequency       TEXT    NOT NULL DEFAULT '',
    reassess_visits INTEGER NOT NULL DEFAULT 0 CHECK (reassess_visits >= 0),
    reassess_weeks  INTEGER NOT NULL DEFAULT 0 CHECK (reassess_weeks >= 0),
    measures        TEXT    NOT NULL DEFAULT '', -- 'odi,psfs'
    goals           TEXT    NOT NULL DEFAULT '[]', -- [{"text", "activity", "status"}]
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
