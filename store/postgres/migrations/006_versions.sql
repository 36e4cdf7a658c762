-- A version on every client and session, raised by each change: a save
-- made from an older version is refused (store.StaleError), so a change
-- from another desk is never silently overwritten.
ALTER TABLE clients  ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
