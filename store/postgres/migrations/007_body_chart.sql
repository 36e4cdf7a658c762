-- PostgreSQL's copy of store/sqlite/migrations/007_body_chart.sql.
-- The body chart: a session marks named regions of the body (store.Regions;
-- an identifier such as 'lumbar-l' is stable forever), each with a pain type
-- from the vocabulary and an optional intensity 0-10.
--
-- The four location words of before become regions. Each mark made from one
-- keeps the location it came from (from_term, from_side), so the note reads
-- and is sealed as it was (store.NoteHash); a location that fits no region
-- (one the therapist added, or one without a side) stays a location tag and
-- is shown as words beside the chart.

CREATE TABLE session_regions (
    session_id   BIGINT  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    region       TEXT    NOT NULL CHECK (region <> ''),
    pain_type_id BIGINT  REFERENCES terms (id) ON DELETE RESTRICT,
    intensity    INTEGER CHECK (intensity BETWEEN 0 AND 10),
    from_term    BIGINT  REFERENCES terms (id) ON DELETE RESTRICT,
    from_side    TEXT    NOT NULL DEFAULT '' CHECK (from_side IN ('', 'left', 'right', 'both')),
    PRIMARY KEY (session_id, region)
);
CREATE INDEX session_regions_by_region ON session_regions (region);

-- store.LocationRegions, as a table (a test keeps the two equal).
CREATE TEMP TABLE location_regions (name_key TEXT, side TEXT, region TEXT);
INSERT INTO location_regions VALUES
    ('lower back', 'left', 'lumbar-l'), ('lower back', 'right', 'lumbar-r'),
    ('lower back', 'both', 'lumbar-l'), ('lower back', 'both', 'lumbar-r'),
    ('buttocks', 'left', 'gluteal-upper-l'), ('buttocks', 'left', 'gluteal-lower-l'),
    ('buttocks', 'right', 'gluteal-upper-r'), ('buttocks', 'right', 'gluteal-lower-r'),
    ('buttocks', 'both', 'gluteal-upper-l'), ('buttocks', 'both', 'gluteal-lower-l'),
    ('buttocks', 'both', 'gluteal-upper-r'), ('buttocks', 'both', 'gluteal-lower-r'),
    ('hip', 'left', 'hip-lateral-l'), ('hip', 'right', 'hip-lateral-r'),
    ('hip', 'both', 'hip-lateral-l'), ('hip', 'both', 'hip-lateral-r'),
    ('back of thigh', 'left', 'thigh-posterior-l'), ('back of thigh', 'right', 'thigh-posterior-r'),
    ('back of thigh', 'both', 'thigh-posterior-l'), ('back of thigh', 'both', 'thigh-posterior-r');

-- The four locations reach distinct regions, and a session holds a term
-- once, so no region is reached twice.
INSERT INTO session_regions (session_id, region, from_term, from_side)
SELECT st.session_id, lr.region, st.term_id, st.side
FROM session_tags st
JOIN terms t ON t.id = st.term_id AND t.kind = 'location'
JOIN location_regions lr ON lr.name_key = t.name_key AND lr.side = st.side;

DELETE FROM session_tags
WHERE EXISTS (
    SELECT 1 FROM terms t JOIN location_regions lr ON lr.name_key = t.name_key AND lr.side = session_tags.side
    WHERE t.id = session_tags.term_id AND t.kind = 'location');

DROP TABLE location_regions;

-- A private note's marks are as private as its text (005_authors.sql).
ALTER TABLE session_regions ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_regions_follow_their_note ON session_regions
    USING (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session_id));
