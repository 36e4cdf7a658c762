-- The clinic's group roles (clinic init). Row-level security on sessions
-- and the audit log (migrations 005 and 014) keeps private notes and their
-- history to their authors on top of these.
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
-- Therapists read and write the record, within the rules the server keeps
-- (migration 014): a signed note changes only by amendment, amendments are
-- kept, and the audit log is written by the server alone
-- (backtrack_append_log, running as the owner), never by a login's INSERT.
GRANT SELECT, INSERT, UPDATE, DELETE ON clients, sessions, session_tags, session_regions, session_exercises,
    session_adherence, terms, measures, plans TO backtrack_therapist;
GRANT SELECT, INSERT ON session_amendments TO backtrack_therapist;
GRANT SELECT, INSERT, UPDATE ON import_batches, import_batch_clients TO backtrack_therapist;

-- A client's submission is kept as given: reviewed, never deleted (migration 015).
GRANT SELECT, INSERT, UPDATE ON client_submissions TO backtrack_therapist;
GRANT SELECT ON audit_log TO backtrack_therapist;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM backtrack_therapist;
GRANT EXECUTE ON FUNCTION backtrack_append_log(text, text, text, text, text, text, text, text) TO backtrack_therapist;
-- Any reader of the history may have the whole chain checked, entries it
-- may not read included (backtrack_verify_chain answers without them).
GRANT EXECUTE ON FUNCTION backtrack_verify_chain() TO backtrack_therapist, backtrack_auditor;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO backtrack_therapist;

-- The front desk books people in: names and contact details, no clinical
-- notes, no medical history.
GRANT SELECT (id, uid, first_name, last_name, phone, email, archived, sort_name, search_text) ON clients TO backtrack_front_desk;

-- Auditors read everything, the history included, and write nothing.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO backtrack_auditor;
