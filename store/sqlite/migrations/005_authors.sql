-- Who wrote each session, and notes private to their author. On a file the
-- author is the desk's therapist; on a practice server it is the role, and
-- the server's row security keeps a private note from everyone else.
ALTER TABLE sessions ADD COLUMN author  TEXT    NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));
