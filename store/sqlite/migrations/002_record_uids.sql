-- Every client and session gets an identifier of its own, a UUID, that
-- exports write and imports honour: the same person is the same record on
-- every computer and every engine, whatever their name. Existing records
-- get a random (version 4) UUID here; new ones get theirs from Backtrack.

ALTER TABLE clients ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN uid TEXT NOT NULL DEFAULT '';

UPDATE clients SET uid =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
UPDATE sessions SET uid =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));

CREATE UNIQUE INDEX clients_by_uid ON clients (uid);
CREATE UNIQUE INDEX sessions_by_uid ON sessions (uid);
