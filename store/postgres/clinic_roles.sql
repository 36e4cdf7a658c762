-- The clinic's group roles (clinic init). Row-level security on sessions
-- (migration 004) keeps private notes to their authors on top of these.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_therapist') THEN
        CREATE ROLE backtrack_therapist NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_front_desk') THEN
        CREATE ROLE backtrack_front_desk NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_auditor') THEN
        CREATE ROLE backtrack_auditor NOLOGIN;
    END IF;
END $$;

GRANT USAGE ON SCHEMA public TO backtrack_therapist, backtrack_front_desk, backtrack_auditor;
GRANT SELECT ON backtrack_schema TO backtrack_therapist, backtrack_front_desk, backtrack_auditor;

-- None of these roles owns the schema, so none names a note's author: the
-- server makes every note a therapist inserts theirs (migration 012).
-- Therapists read and write the record; the audit log only grows (its
-- triggers refuse changes), and signed notes are never deleted.
GRANT SELECT, INSERT, UPDATE, DELETE ON clients, sessions, session_tags, session_regions, terms, measures, plans TO backtrack_therapist;
GRANT SELECT, INSERT ON session_amendments, audit_log TO backtrack_therapist;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO backtrack_therapist;

-- The front desk books people in: names and contact details, no clinical
-- notes, no medical history.
GRANT SELECT (id, uid, first_name, last_name, phone, email, archived, sort_name, search_text) ON clients TO backtrack_front_desk;

-- Auditors read everything, the history included, and write nothing.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO backtrack_auditor;
