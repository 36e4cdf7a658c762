-- Nothing changes on a file: its notes' authors are the desk's therapist,
-- written as given. Migration 012 lets a practice server keep the authors
-- of a moved or imported practice (store/postgres/migrations); the two
-- engines' migrations stay numbered alike, so the file's schema version
-- moves with the server's.
SELECT 1;
