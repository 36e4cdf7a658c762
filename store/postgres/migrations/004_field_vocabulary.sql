-- The techniques and lower-back muscles therapists use most, as on SQLite
-- (004_field_vocabulary_and_note_search.sql). Searching inside notes needs
-- no index of its own here: the server's ILIKE reads the notes directly.
WITH t (kind, name, name_key, n) AS (VALUES
    ('technique', 'Swedish massage', 'swedish massage', 1),
    ('technique', 'Deep tissue massage', 'deep tissue massage', 2),
    ('technique', 'Myofascial release', 'myofascial release', 3),
    ('technique', 'Trigger point therapy', 'trigger point therapy', 4),
    ('technique', 'Muscle energy technique', 'muscle energy technique', 5),
    ('technique', 'PNF stretching', 'pnf stretching', 6),
    ('technique', 'Joint mobilisation', 'joint mobilisation', 7),
    ('technique', 'Heat', 'heat', 8),
    ('muscle', 'Multifidus', 'multifidus', 1),
    ('muscle', 'Gluteus maximus', 'gluteus maximus', 2),
    ('muscle', 'Gluteus minimus', 'gluteus minimus', 3),
    ('muscle', 'Latissimus dorsi', 'latissimus dorsi', 4),
    ('muscle', 'Tensor fasciae latae', 'tensor fasciae latae', 5),
    ('muscle', 'Adductors', 'adductors', 6)
)
INSERT INTO terms (kind, name, name_key, builtin, position)
SELECT t.kind, t.name, t.name_key, TRUE, (SELECT COALESCE(MAX(position), 0) FROM terms WHERE kind = t.kind) + t.n
FROM t
ON CONFLICT (kind, name_key) DO NOTHING;
