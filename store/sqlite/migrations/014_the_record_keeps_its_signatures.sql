-- SQLite's counterpart of store/postgres/migrations/014: what a file can
-- keep by itself. Whoever holds a file may rewrite it, so these refuse a
-- slip, not an adversary (the audit chain and the seals show the rest to
-- `backtrack check`): a signature is never cleared or changed, a void never
-- undone or changed, an amendment never changed or deleted. Amending goes
-- on as before (it changes a note's text, never its signature).
CREATE TRIGGER IF NOT EXISTS sessions_keep_their_signature BEFORE UPDATE OF signed_at, signed_by, legacy ON sessions
WHEN (OLD.signed_at <> '' OR OLD.legacy = 1)
    AND (NEW.signed_at <> OLD.signed_at OR NEW.signed_by <> OLD.signed_by OR NEW.legacy <> OLD.legacy)
BEGIN
    SELECT RAISE(ABORT, 'a signed note keeps its signature: it changes only by amendment');
END;
CREATE TRIGGER IF NOT EXISTS sessions_keep_their_void BEFORE UPDATE OF voided_at, voided_by, void_reason ON sessions
WHEN OLD.voided_at <> ''
    AND (NEW.voided_at <> OLD.voided_at OR NEW.voided_by <> OLD.voided_by OR NEW.void_reason <> OLD.void_reason)
BEGIN
    SELECT RAISE(ABORT, 'a voided note stays voided as it was');
END;
CREATE TRIGGER IF NOT EXISTS session_amendments_no_update BEFORE UPDATE ON session_amendments
BEGIN
    SELECT RAISE(ABORT, 'an amendment is kept as written: it is never changed');
END;
CREATE TRIGGER IF NOT EXISTS session_amendments_no_delete BEFORE DELETE ON session_amendments
BEGIN
    SELECT RAISE(ABORT, 'an amendment is kept as written: it is never deleted');
END;
