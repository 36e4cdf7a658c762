-- The practice view (store/sqlstore/insights_practice.go) numbers every
-- standing visit of each client in date order to find each episode's
-- first visit and the visit at which pain before treatment first fell by
-- the rule: 200,000 visits at clinic scale. With the pain in the index,
-- and the author and privacy that the login's filter and the row
-- security read, the server reads the visits in order from the index
-- alone (an index-only scan), not from the rows, which hold the notes'
-- words. Private notes are in it: the auditor's view counts them.
CREATE INDEX IF NOT EXISTS sessions_pain_course ON sessions (client_id, started_at, id)
    INCLUDE (pain_before, author, private) WHERE voided_at = '';
