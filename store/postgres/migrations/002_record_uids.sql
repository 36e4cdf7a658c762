-- Every client and session gets an identifier of its own (as on SQLite).
ALTER TABLE clients ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE clients SET uid = gen_random_uuid()::text;
UPDATE sessions SET uid = gen_random_uuid()::text;
CREATE UNIQUE INDEX clients_by_uid ON clients (uid);
CREATE UNIQUE INDEX sessions_by_uid ON sessions (uid);
