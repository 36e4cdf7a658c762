-- Placeholder on the mapped-import branch only: version 15 is reserved for
-- issue 28 (client submissions, signatures). The versions run without a
-- gap, so import batches (017) cannot be tested without it; the merge
-- replaces this file with the real migration 015.
SELECT 1;
