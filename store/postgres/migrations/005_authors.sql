-- Who wrote each session, and notes private to their author. The author is
-- the role that inserted the row (current_user), set by the server and
-- never changed afterwards; row-level security shows a private note only to
-- its author and to the auditors (backtrack_auditor), whatever the desk
-- asks. The table's owner (the admin who ran clinic init) is not subject to
-- it; therapists, the front desk and auditors are.
ALTER TABLE sessions ADD COLUMN author  TEXT    NOT NULL DEFAULT current_user;
ALTER TABLE sessions ADD COLUMN private BOOLEAN NOT NULL DEFAULT FALSE;

CREATE FUNCTION sessions_author_is_the_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.author := current_user;
    ELSE
        NEW.author := OLD.author;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER sessions_author_is_the_role BEFORE INSERT OR UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_author_is_the_role();

-- An auditor reads everything; the check names the role through pg_roles so
-- the policy holds before clinic init has created it.
CREATE FUNCTION backtrack_is_auditor() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'backtrack_auditor'
                   AND pg_has_role(current_user, r.oid, 'MEMBER'))
$$;

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_readable ON sessions FOR SELECT
    USING (NOT private OR author = current_user OR backtrack_is_auditor());
CREATE POLICY sessions_insertable ON sessions FOR INSERT WITH CHECK (true);
CREATE POLICY sessions_writable ON sessions FOR UPDATE
    USING (NOT private OR author = current_user) WITH CHECK (NOT private OR author = current_user);
CREATE POLICY sessions_deletable ON sessions FOR DELETE USING (NOT private OR author = current_user);

-- A private note's tags and amendments are as private as the note: the
-- subquery on sessions is itself under the policies above.
ALTER TABLE session_tags ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_tags_follow_their_note ON session_tags
    USING (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session_id));
ALTER TABLE session_amendments ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_amendments_follow_their_note ON session_amendments
    USING (EXISTS (SELECT 1 FROM sessions s WHERE s.id = session_id));
