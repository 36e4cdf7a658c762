-- What a client filled in and signed themself, on the device in the room
-- or on a paper form typed in later (store.Submission): kept whole as the
-- client gave it, a JSON document in recordjson.Submission's shape with
-- the seal that the audit chain carries beside it, until the therapist
-- accepts or declines each form. The reviews are the only part that
-- changes; a submission is never deleted (the client's words stay, even
-- when the therapist declined them).
CREATE TABLE IF NOT EXISTS client_submissions (
    id           INTEGER PRIMARY KEY,
    uid          TEXT    NOT NULL UNIQUE,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    submitted_at TEXT    NOT NULL,             -- 'YYYY-MM-DD HH:MM:SS'
    document     TEXT    NOT NULL,             -- recordjson.Submission, reviews left out
    seal         TEXT    NOT NULL,             -- store.Submission.SealFor
    reviews      TEXT    NOT NULL DEFAULT '[]', -- [{"form", "accepted", "at", "by", "words"}]
    pending      INTEGER NOT NULL DEFAULT 1 CHECK (pending IN (0, 1)) -- a form not yet reviewed
);
CREATE INDEX IF NOT EXISTS client_submissions_by_client ON client_submissions (client_id, submitted_at);

CREATE TRIGGER IF NOT EXISTS client_submissions_kept_as_given BEFORE UPDATE OF uid, client_id, submitted_at, document, seal
ON client_submissions
BEGIN
    SELECT RAISE(ABORT, 'a client''s submission is kept as the client gave it');
END;
CREATE TRIGGER IF NOT EXISTS client_submissions_never_deleted BEFORE DELETE ON client_submissions
BEGIN
    SELECT RAISE(ABORT, 'a client''s submission is never deleted');
END;
