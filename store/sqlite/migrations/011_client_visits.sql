-- The client list shows each client's last visit (its start and pain) and
-- how many visits they had. They are kept on the client's row, written in
-- the same transaction as every change to the client's notes, so the list
-- reads one row per client instead of searching their sessions for each.
-- Which notes count is one rule in Go (store/sqlstore/visits.go), which
-- also fills these columns in this migration's transaction.
ALTER TABLE clients ADD COLUMN visits           INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN last_visit_at    TEXT    NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN last_pain_before INTEGER;
ALTER TABLE clients ADD COLUMN last_pain_after  INTEGER;
-- The list's orders: most recent visit first (never-seen clients, '', last)
-- and most visits first, each then by name; the list without archived
-- clients (the desk's) and with them. The list reads its first rows in
-- index order and stops.
CREATE INDEX clients_by_last_visit        ON clients (archived, last_visit_at DESC, sort_name, id);
CREATE INDEX clients_by_last_visit_all    ON clients (last_visit_at DESC, sort_name, id);
CREATE INDEX clients_by_visits            ON clients (archived, visits DESC, sort_name, id);

-- The notes' search index is written again only when what was written
-- changes: signing or sealing a note (an UPDATE of its state) no longer
-- removes and re-adds its words.
DROP TRIGGER session_text_update;
CREATE TRIGGER session_text_update AFTER UPDATE OF subjective, objective, assessment, plan, home_care, trigger_other ON sessions BEGIN
    INSERT INTO session_text (session_text, rowid, subjective, objective, assessment, plan, home_care, trigger_other)
    VALUES ('delete', old.id, old.subjective, old.objective, old.assessment, old.plan, old.home_care, old.trigger_other);
    INSERT INTO session_text (rowid, subjective, objective, assessment, plan, home_care, trigger_other)
    VALUES (new.id, new.subjective, new.objective, new.assessment, new.plan, new.home_care, new.trigger_other);
END;
