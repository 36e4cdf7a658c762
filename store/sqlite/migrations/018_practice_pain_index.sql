-- The practice view (store/sqlstore/insights_practice.go) reads pain
-- before treatment of every standing visit, client by client in date
-- order: 200,000 visits at clinic scale. Read through sessions_standing,
-- each visit's pain is fetched from its row, and the rows hold the notes'
-- words: the pass read the whole file (three quarters of a gigabyte) to
-- find a few bytes a visit. With the pain in the index as well, the pass
-- reads the index alone, a few megabytes. Its condition is
-- sessions_standing's, so the same visits are in it.
CREATE INDEX IF NOT EXISTS sessions_pain_course ON sessions (client_id, started_at, id, pain_before)
    WHERE voided_at = '';
