-- A moved or imported practice keeps who wrote each note. The author is
-- still set by the server, never by a desk: a therapist's insert is always
-- theirs (current_user), whatever it names. Only the schema's owner (the
-- clinic admin who ran clinic init and runs migrate and import; a superuser
-- counts as every role) may name another author, the one the practice's
-- file or export recorded; a row it inserts without one is its own. Once
-- written, the author never changes.
CREATE OR REPLACE FUNCTION backtrack_names_authors() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, c.relowner, 'MEMBER')
    FROM pg_class c WHERE c.oid = 'sessions'::regclass
$$;

CREATE OR REPLACE FUNCTION sessions_author_is_the_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- a desk names its own role: no need to ask who may name others
        IF NEW.author IS NULL OR btrim(NEW.author) = ''
           OR (NEW.author <> current_user AND NOT backtrack_names_authors()) THEN
            NEW.author := current_user;
        END IF;
    ELSE
        NEW.author := OLD.author;
    END IF;
    RETURN NEW;
END $$;
