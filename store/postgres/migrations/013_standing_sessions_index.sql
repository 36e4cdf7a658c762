-- Every write to a client's notes brings their kept visit count and last
-- visit up to date (migration 011). The notes that count are the ones
-- that stand and are not private (store/sqlstore/visits.go); an index of
-- those alone counts them from the index, and finds the last without
-- skipping others. Its condition is visits.go's rule for a server.
CREATE INDEX sessions_standing ON sessions (client_id, started_at, id)
    WHERE voided_at = '' AND private = FALSE;
