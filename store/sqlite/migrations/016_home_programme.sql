-- A home programme: the exercises given at a visit, in the order the
-- handout lists them, each from the library (store.Exercises: an ID such as
-- 'bird-dog' is stable forever) or the therapist's own (name and words,
-- with a library picture or none), with its dose; and the client's answer,
-- at the next visit, about how much of the last one they did. Both are
-- parts of the note, as its tags and marks are: sealed with it
-- (store.NoteHash) and changed, once it is signed, only by amendment. Each
-- statement may run again (a record brought back to an older version is
-- migrated anew).
CREATE TABLE IF NOT EXISTS session_exercises (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
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
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS session_adherence (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    level      TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'all', 'some', 'none')),
    hard       TEXT NOT NULL DEFAULT ''
);
