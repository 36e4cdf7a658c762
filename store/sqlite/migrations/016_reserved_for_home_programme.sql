-- Placeholder on the mapped-import branch only: version 16 is reserved for
-- issue 29 (home programme). The versions run without a gap, so import
-- batches (017) cannot be tested without it; the merge replaces this file
-- with the real migration 016.
SELECT 1;
