-- The desk counts the notes waiting for a signature whenever a client
-- opens: an index of the drafts alone keeps that count small.
CREATE INDEX sessions_unsigned ON sessions (started_at)
    WHERE signed_at = '' AND legacy = FALSE AND voided_at = '';
