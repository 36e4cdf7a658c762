-- The clinical record. Times are local wall-clock text ('YYYY-MM-DD HH:MM'),
-- dates 'YYYY-MM-DD', so they sort as text and read the same in any tool.

CREATE TABLE clients (
    id                INTEGER PRIMARY KEY,
    first_name        TEXT    NOT NULL CHECK (first_name <> ''),
    last_name         TEXT    NOT NULL,
    date_of_birth     TEXT    NOT NULL DEFAULT '',
    phone             TEXT    NOT NULL DEFAULT '',
    email             TEXT    NOT NULL DEFAULT '',
    medical_history   TEXT    NOT NULL DEFAULT '',
    medications       TEXT    NOT NULL DEFAULT '',
    contraindications TEXT    NOT NULL DEFAULT '',
    -- name, phone and email folded to lower case without accents, for search
    search_text       TEXT    NOT NULL DEFAULT '',
    -- folded "last first", for sorting by name the way people read it
    sort_name         TEXT    NOT NULL DEFAULT '',
    archived          INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX clients_by_name ON clients (archived, sort_name);

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    started_at    TEXT    NOT NULL,
    duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 600),
    pain_before   INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after    INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    trigger_other TEXT    NOT NULL DEFAULT '',
    subjective    TEXT    NOT NULL DEFAULT '',
    objective     TEXT    NOT NULL DEFAULT '',
    assessment    TEXT    NOT NULL DEFAULT '',
    plan          TEXT    NOT NULL DEFAULT '',
    home_care     TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX sessions_by_client ON sessions (client_id, started_at);

CREATE TABLE terms (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('pain_type', 'location', 'trigger', 'muscle', 'technique')),
    name     TEXT    NOT NULL CHECK (name <> ''),
    -- name folded to lower case without accents: unique regardless of case
    name_key TEXT    NOT NULL,
    builtin  INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    retired  INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, name_key)
);

CREATE TABLE session_tags (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    term_id    INTEGER NOT NULL REFERENCES terms (id) ON DELETE RESTRICT,
    side       TEXT    NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right', 'both')),
    PRIMARY KEY (session_id, term_id)
) WITHOUT ROWID;
CREATE INDEX session_tags_by_term ON session_tags (term_id);

-- The built-in vocabulary, from the article the product grew from (DOMAIN.md).
INSERT INTO terms (kind, name, name_key, builtin, position) VALUES
    ('pain_type', 'Sharp / stabbing', 'sharp / stabbing', 1, 1),
    ('pain_type', 'Dull ache', 'dull ache', 1, 2),
    ('pain_type', 'Stiffness', 'stiffness', 1, 3),
    ('pain_type', 'Decreased mobility', 'decreased mobility', 1, 4),
    ('pain_type', 'Fatigue', 'fatigue', 1, 5),
    ('pain_type', 'Referred pain', 'referred pain', 1, 6),
    ('location', 'Lower back', 'lower back', 1, 1),
    ('location', 'Buttocks', 'buttocks', 1, 2),
    ('location', 'Hip', 'hip', 1, 3),
    ('location', 'Back of thigh', 'back of thigh', 1, 4),
    ('trigger', 'Lifting repeatedly', 'lifting repeatedly', 1, 1),
    ('trigger', 'Sitting long', 'sitting long', 1, 2),
    ('trigger', 'Running on uneven surface', 'running on uneven surface', 1, 3),
    ('trigger', 'Running on soft surface', 'running on soft surface', 1, 4),
    ('trigger', 'Weight-lifting overuse', 'weight-lifting overuse', 1, 5),
    ('trigger', 'Sudden strenuous activity', 'sudden strenuous activity', 1, 6),
    ('trigger', 'Previous injury', 'previous injury', 1, 7),
    ('trigger', 'Blunt hit', 'blunt hit', 1, 8),
    ('trigger', 'Strain or fatigue', 'strain or fatigue', 1, 9),
    ('muscle', 'Quadratus lumborum', 'quadratus lumborum', 1, 1),
    ('muscle', 'Gluteus medius', 'gluteus medius', 1, 2),
    ('muscle', 'Erector spinae', 'erector spinae', 1, 3),
    ('muscle', 'Piriformis', 'piriformis', 1, 4),
    ('muscle', 'Iliopsoas', 'iliopsoas', 1, 5),
    ('muscle', 'Hamstrings', 'hamstrings', 1, 6),
    ('technique', 'Massage', 'massage', 1, 1),
    ('technique', 'Stretching', 'stretching', 1, 2);
