-- The server keeps the record's rules whatever a client sends, so a login
-- in psql can do no more than its desk. The schema's owner (the clinic's
-- admin, who migrates, moves and imports: backtrack_role_names_others) is
-- trusted as before; every other login is held to these rules:
--
-- * A signed (or legacy, or voided) note changes only by amendment: its
--   text, tags and marks change only in a transaction that inserted an
--   amendment keeping the text as it was; its signature is never cleared
--   or changed, a void never undone, an amendment never changed or
--   deleted, and its seal (content_hash) changes only with one of these.
-- * Amendments and voids name the login role, with the signer's name from
--   Settings beside it: 'anna (Anna Keller, LMT)'.
-- * The audit log is written by backtrack_append_log only, which runs as
--   the owner: it numbers the entry, chains it to the last one, names the
--   login role as its actor and seals it; every insert, however made, must
--   follow the chain and carry the right seal.
-- * An entry about a private note is read by its author and the auditors
--   only; backtrack_verify_chain checks the whole chain for any login
--   without showing an entry.
--
-- Each statement may run again (a record brought back to an older version
-- is migrated anew) and changes nothing twice.

-- An entry's seal: the same bytes as store.AuditEntry.Seal, which defines
-- it (fields joined by a unit separator, SHA-256, hex); a test holds the
-- two equal.
CREATE OR REPLACE FUNCTION backtrack_audit_seal(p_prev text, p_seq bigint, p_at text, p_actor text, p_action text,
    p_record text, p_client text, p_detail text, p_content text, p_origin text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f', 'audit/1', p_prev, p_seq::text, p_at, p_actor,
        p_action, p_record, p_client, p_detail, p_content, p_origin), 'UTF8')), 'hex')
$$;

-- A moment as the record writes it (store.StampLayout): the verifier reads
-- it back to the same text, so the seal it recomputes is the one written.
CREATE OR REPLACE FUNCTION backtrack_is_stamp(p_at text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT p_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$'
$$;

-- Whether a role may name others (authors, actors, signers): the owner's.
CREATE OR REPLACE FUNCTION backtrack_role_names_others(p_role name) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(p_role, c.relowner, 'MEMBER')
    FROM pg_class c WHERE c.oid = 'sessions'::regclass
$$;

-- Every entry follows the last one and carries its seal, whoever writes it.
-- It runs as the owner, so it sees entries row-level security hides.
CREATE OR REPLACE FUNCTION audit_log_entry_follows() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    last_seq  bigint := 0;
    last_hash text := '';
BEGIN
    SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        last_seq := 0;
        last_hash := '';
    END IF;
    IF NEW.seq <> last_seq + 1 OR NEW.prev <> last_hash THEN
        RAISE EXCEPTION 'an audit entry follows the last one (entry %): entries are numbered and chained by the server', last_seq;
    END IF;
    IF NOT backtrack_is_stamp(NEW.at) THEN
        RAISE EXCEPTION 'an audit entry''s time is written YYYY-MM-DD HH:MM:SS';
    END IF;
    IF NEW.hash <> backtrack_audit_seal(NEW.prev, NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.record,
                                        NEW.client, NEW.detail, NEW.content, NEW.origin) THEN
        RAISE EXCEPTION 'an audit entry carries its seal: this one does not';
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER audit_log_entry_follows BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_entry_follows();

-- The one way a login writes an entry. The actor is the login role
-- (session_user: a function running as the owner still knows who called
-- it); only the owner names another (the entries a move or an import
-- brings keep theirs). It takes the record's write lock, as a desk's write
-- transaction does, so entries are numbered one at a time.
-- The author of the private note an entry is about, when it was written
-- ('' for any other): the server's, outside the seal, so an entry stays
-- private after a private draft is discarded.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS private_to TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION backtrack_append_log(p_at text, p_actor text, p_action text, p_record text, p_client text,
    p_detail text, p_content text, p_origin text) RETURNS audit_log LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    who       text := session_user;
    last_seq  bigint;
    last_hash text;
    author    text;
    entry     audit_log;
BEGIN
    PERFORM pg_advisory_xact_lock(1650549611); -- store/postgres writeLock
    IF coalesce(btrim(p_actor), '') <> '' AND backtrack_role_names_others(session_user) THEN
        who := p_actor;
    END IF;
    IF coalesce(p_action, '') = '' THEN
        RAISE EXCEPTION 'an audit entry names what was done';
    END IF;
    SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        last_seq := 0;
        last_hash := '';
    END IF;
    SELECT s.author INTO author FROM sessions s WHERE s.uid = p_record AND s.private;
    INSERT INTO audit_log (seq, at, actor, action, record, client, detail, content, origin, prev, hash, private_to)
    VALUES (last_seq + 1, p_at, who, p_action, coalesce(p_record, ''), coalesce(p_client, ''),
            coalesce(p_detail, ''), coalesce(p_content, ''), coalesce(p_origin, ''), last_hash,
            backtrack_audit_seal(last_hash, last_seq + 1, p_at, who, p_action, coalesce(p_record, ''),
                coalesce(p_client, ''), coalesce(p_detail, ''), coalesce(p_content, ''), coalesce(p_origin, '')),
            coalesce(author, ''))
    RETURNING * INTO entry;
    RETURN entry;
END $$;
REVOKE EXECUTE ON FUNCTION backtrack_append_log(text, text, text, text, text, text, text, text) FROM PUBLIC;

-- Private stays private in the history: an entry about a note private to
-- someone else (its text, a reason, a consent answer, who and when) is not
-- shown. A note that is there is private as it is now (so its entries
-- follow it, as its tags do); a discarded one as it was when its entries
-- were written. Looked up as the owner, as row-level security hides the
-- note from the reader.
CREATE OR REPLACE FUNCTION backtrack_private_to_another(p_record text, p_reader name) RETURNS boolean LANGUAGE sql
STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM sessions s WHERE s.uid = p_record)
        THEN EXISTS (SELECT 1 FROM sessions s WHERE s.uid = p_record AND s.private AND s.author <> p_reader)
        ELSE EXISTS (SELECT 1 FROM audit_log a WHERE a.record = p_record AND a.private_to NOT IN ('', p_reader))
    END
$$;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS audit_log_readable ON audit_log;
CREATE POLICY audit_log_readable ON audit_log FOR SELECT
    USING (record = '' OR NOT backtrack_private_to_another(record, current_user) OR backtrack_is_auditor());

-- The whole chain checked for a login that may not read all of it: how
-- many entries and notes there are, and the first entry that is missing,
-- out of its chain or changed (as verify.go's verifyChain finds them),
-- without showing one.
CREATE OR REPLACE FUNCTION backtrack_verify_chain(OUT entries bigint, OUT notes bigint, OUT broken_at bigint, OUT problem text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    SELECT count(*) INTO entries FROM audit_log;
    SELECT count(*) INTO notes FROM sessions;
    SELECT c.seq, c.problem INTO broken_at, problem FROM (
        SELECT a.seq, CASE
            WHEN a.seq <> coalesce(lag(a.seq) OVER w, 0) + 1 THEN 'missing'
            WHEN a.prev <> coalesce(lag(a.hash) OVER w, '') THEN 'unchained'
            WHEN NOT backtrack_is_stamp(a.at) OR a.hash <> backtrack_audit_seal(a.prev, a.seq, a.at, a.actor,
                a.action, a.record, a.client, a.detail, a.content, a.origin) THEN 'changed'
            END AS problem
        FROM audit_log a WINDOW w AS (ORDER BY a.seq)) c
    WHERE c.problem IS NOT NULL ORDER BY c.seq LIMIT 1;
END $$;
REVOKE EXECUTE ON FUNCTION backtrack_verify_chain() FROM PUBLIC;

-- A signer as the record keeps them on a server: the login role, with the
-- name given (the therapist's from Settings) beside it. The owner's names
-- are kept as given (a moved practice's signers).
CREATE OR REPLACE FUNCTION backtrack_signer(p_name text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN backtrack_role_names_others(current_user) THEN p_name
        WHEN coalesce(btrim(p_name), '') = '' OR p_name = current_user::text THEN current_user::text
        WHEN left(p_name, length(current_user::text) + 2) = current_user::text || ' (' AND right(p_name, 1) = ')' THEN p_name
        ELSE current_user::text || ' (' || p_name || ')'
    END
$$;

-- Whether this transaction amended the note: inserted an amendment of it
-- (its row's xmin is this transaction's id). With p_was, whether one of
-- them keeps the note's text as it was (the row before the change).
CREATE OR REPLACE FUNCTION backtrack_amended_now(p_session bigint, p_was sessions DEFAULT NULL) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM session_amendments a
        WHERE a.session_id = p_session
          AND a.xmin::text = (pg_current_xact_id()::text::numeric % 4294967296)::text
          AND (p_was IS NULL OR (
              coalesce(a.previous::jsonb ->> 'subjective', '') = p_was.subjective
              AND coalesce(a.previous::jsonb ->> 'objective', '') = p_was.objective
              AND coalesce(a.previous::jsonb ->> 'assessment', '') = p_was.assessment
              AND coalesce(a.previous::jsonb ->> 'plan', '') = p_was.plan
              AND coalesce(a.previous::jsonb ->> 'home_care', '') = p_was.home_care
              AND coalesce(a.previous::jsonb ->> 'trigger_other', '') = p_was.trigger_other
              AND coalesce(a.previous::jsonb ->> 'duration_min', '') = p_was.duration_min::text)))
$$;

-- The transaction a note was signed or voided in (server-kept: no client
-- sets it): its seal is written in the same transaction.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS sealed_in xid8;

CREATE OR REPLACE FUNCTION sessions_keep_the_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    locking boolean;
    voiding boolean;
BEGIN
    IF backtrack_role_names_others(current_user) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.sealed_in := NULL;
        IF NEW.signed_at <> '' OR NEW.legacy OR NEW.voided_at <> '' THEN
            NEW.sealed_in := pg_current_xact_id();
            IF NEW.voided_at <> '' THEN
                NEW.voided_by := backtrack_signer(NEW.voided_by);
            END IF;
        END IF;
        RETURN NEW;
    END IF;
    NEW.sealed_in := OLD.sealed_in;
    voiding := OLD.voided_at = '' AND NEW.voided_at <> '';
    locking := voiding OR (OLD.signed_at = '' AND NOT OLD.legacy AND (NEW.signed_at <> '' OR NEW.legacy));
    IF voiding THEN
        NEW.voided_by := backtrack_signer(NEW.voided_by);
    END IF;
    IF OLD.signed_at = '' AND NOT OLD.legacy AND OLD.voided_at = '' THEN
        -- a draft: anything goes, signing it included
        IF locking THEN
            NEW.sealed_in := pg_current_xact_id();
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.signed_at <> OLD.signed_at OR NEW.signed_by <> OLD.signed_by OR NEW.legacy <> OLD.legacy
       OR NEW.uid <> OLD.uid OR NEW.client_id <> OLD.client_id THEN
        RAISE EXCEPTION 'a signed note keeps its signature and its client: it changes only by amendment';
    END IF;
    -- an import gives the note it signs its time of writing
    IF NEW.created_at <> OLD.created_at AND OLD.sealed_in IS DISTINCT FROM pg_current_xact_id() THEN
        RAISE EXCEPTION 'a signed note keeps the time it was written';
    END IF;
    IF OLD.voided_at <> '' AND (NEW.voided_at <> OLD.voided_at OR NEW.voided_by <> OLD.voided_by
                                OR NEW.void_reason <> OLD.void_reason) THEN
        RAISE EXCEPTION 'a voided note stays voided as it was';
    END IF;
    IF voiding AND btrim(NEW.void_reason) = '' THEN
        RAISE EXCEPTION 'a note is voided with a reason';
    END IF;
    IF (NEW.started_at, NEW.duration_min, NEW.pain_before, NEW.pain_after, NEW.trigger_other,
        NEW.subjective, NEW.objective, NEW.assessment, NEW.plan, NEW.home_care, NEW.private)
       IS DISTINCT FROM
       (OLD.started_at, OLD.duration_min, OLD.pain_before, OLD.pain_after, OLD.trigger_other,
        OLD.subjective, OLD.objective, OLD.assessment, OLD.plan, OLD.home_care, OLD.private) THEN
        IF OLD.voided_at <> '' OR voiding THEN
            RAISE EXCEPTION 'a voided note stays as it is';
        END IF;
        IF NOT backtrack_amended_now(OLD.id, OLD) THEN
            RAISE EXCEPTION 'a signed note changes only by amendment, which keeps it as it was';
        END IF;
    END IF;
    IF voiding THEN
        NEW.sealed_in := pg_current_xact_id();
    ELSIF NEW.content_hash <> OLD.content_hash AND OLD.sealed_in IS DISTINCT FROM pg_current_xact_id()
          AND NOT backtrack_amended_now(OLD.id) THEN
        RAISE EXCEPTION 'a signed note''s seal changes only with the note, by amendment or void';
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER sessions_keep_the_record BEFORE INSERT OR UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_keep_the_record();

-- A signed note's tags and marks change with the note: by amendment, or in
-- the transaction that signs it (an import writes them first).
CREATE OR REPLACE FUNCTION note_parts_keep_the_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF backtrack_role_names_others(current_user) THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF EXISTS (SELECT 1 FROM sessions s
               WHERE s.id IN (OLD.session_id, NEW.session_id)
                 AND (s.signed_at <> '' OR s.legacy OR s.voided_at <> '')
                 AND s.sealed_in IS DISTINCT FROM pg_current_xact_id()
                 AND (s.voided_at <> '' OR NOT backtrack_amended_now(s.id))) THEN
        RAISE EXCEPTION 'a signed note''s tags and body chart change only by amendment';
    END IF;
    RETURN coalesce(NEW, OLD);
END $$;
CREATE OR REPLACE TRIGGER session_tags_keep_the_record BEFORE INSERT OR UPDATE OR DELETE ON session_tags
    FOR EACH ROW EXECUTE FUNCTION note_parts_keep_the_record();
CREATE OR REPLACE TRIGGER session_regions_keep_the_record BEFORE INSERT OR UPDATE OR DELETE ON session_regions
    FOR EACH ROW EXECUTE FUNCTION note_parts_keep_the_record();

-- Amendments are kept as written, for everyone; a login's name the role,
-- and it amends a signed note only (a draft is edited).
CREATE OR REPLACE FUNCTION session_amendments_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT backtrack_role_names_others(current_user) AND NOT EXISTS (
            SELECT 1 FROM sessions s WHERE s.id = NEW.session_id AND (s.signed_at <> '' OR s.legacy)) THEN
            RAISE EXCEPTION 'only a signed note is amended: a draft is edited';
        END IF;
        NEW.amended_by := backtrack_signer(NEW.amended_by);
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'an amendment is kept as written: it is never changed or deleted';
END $$;
CREATE OR REPLACE TRIGGER session_amendments_are_kept BEFORE INSERT OR UPDATE OR DELETE ON session_amendments
    FOR EACH ROW EXECUTE FUNCTION session_amendments_are_kept();
CREATE OR REPLACE TRIGGER session_amendments_no_truncate BEFORE TRUNCATE ON session_amendments
    FOR EACH STATEMENT EXECUTE FUNCTION session_amendments_are_kept();

-- A signed, legacy or voided note is never deleted, by anyone.
CREATE OR REPLACE FUNCTION signed_sessions_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.signed_at <> '' OR OLD.legacy OR OLD.voided_at <> '' THEN
        RAISE EXCEPTION 'a signed note is never deleted: void it instead';
    END IF;
    RETURN OLD;
END $$;

-- A clinic set up before this version: the log is written through
-- backtrack_append_log only, and the whole chain checked by
-- backtrack_verify_chain (clinic_roles.sql says the same for clinic init).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_therapist') THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM backtrack_therapist;
        GRANT EXECUTE ON FUNCTION backtrack_append_log(text, text, text, text, text, text, text, text) TO backtrack_therapist;
        GRANT EXECUTE ON FUNCTION backtrack_verify_chain() TO backtrack_therapist;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backtrack_auditor') THEN
        GRANT EXECUTE ON FUNCTION backtrack_verify_chain() TO backtrack_auditor;
    END IF;
END $$;
