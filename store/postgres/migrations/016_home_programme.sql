-- PostgreSQL's copy of store/sqlite/migrations/016_home_programme.sql: a
-- home programme and the adherence to the last one, parts of the note.
CREATE TABLE IF NOT EXISTS session_exercises (
    session_id BIGINT  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    exercise   TEXT    NOT NULL DEFAULT '',
    name       TEXT    NOT NULL DEFAULT '',
    words      TEXT    NOT NULL DEFAULT '',
    pose       TEXT    NOT NULL DEFAULT '',
    side       TEXT    NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right', 'both')),
    hold_sec   INTEGER NOT NULL DEFAULT 0 CHECK (hold_sec BETWEEN 0 AND 600),
    reps       INTEGER NOT NULL DEFAULT 0 CHECK (reps BETWEEN 0 AND 100),
    sets       INTEGER NOT NULL DEFAULT 0 CHECK (sets BETWEEN 0 AND 10),
    per_day    INTEGER NOT NULL DEFAULT 0 CHECK (per_day BETWEEN 0 AND 10),
    CHECK (exercise <> '' OR name <> ''),
    PRIMARY KEY (session_id, position)
);

CREATE TABLE IF NOT EXISTS session_adherence (
    session_id BIGINT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    level      TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'all', 'some', 'none')),
    hard       TEXT NOT NULL DEFAULT ''
);

-- A private note's programme is as private as its text (005_authors.sql).
ALTER TABLE session_exercises ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS session_exercises_follow_their_note ON session_exercises;
CREATE POLICY session_exercises_follow_their_note ON session_exercises
    USING (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session_id));
ALTER TABLE session_adherence ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS session_adherence_follows_its_note ON session_adherence;
CREATE POLICY session_adherence_follows_its_note ON session_adherence
    USING (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session_id));

-- A signed note's programme changes with the note, as its tags and marks
-- do (014_the_server_keeps_the_record.sql): by amendment, or in the
-- transaction that signs it.
CREATE OR REPLACE TRIGGER session_exercises_keep_the_record BEFORE INSERT OR UPDATE OR DELETE ON session_exercises
    FOR EACH ROW EXECUTE FUNCTION note_parts_keep_the_record();
CREATE OR REPLACE TRIGGER session_adherence_keeps_the_record BEFORE INSERT OR UPDATE OR DELETE ON session_adherence
    FOR EACH ROW EXECUTE FUNCTION note_parts_keep_the_record();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_therapist') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON session_exercises, session_adherence TO backtrack_therapist;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_auditor') THEN
        GRANT SELECT ON session_exercises, session_adherence TO backtrack_auditor;
    END IF;
END $$;
