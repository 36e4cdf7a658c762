-- The techniques and lower-back muscles therapists use most, added to the
-- built-in lists after the terms already there. A name the therapist has
-- already added as their own stays theirs, untouched (OR IGNORE on the
-- unique kind + folded name); no session changes.
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
INSERT OR IGNORE INTO terms (kind, name, name_key, builtin, position)
SELECT t.kind, t.name, t.name_key, 1, (SELECT COALESCE(MAX(position), 0) FROM terms WHERE kind = t.kind) + t.n
FROM t;

-- Search inside notes: a full-text index over what the therapist wrote in
-- each session and in each client's medical record, accents and case
-- ignored. The indexes hold no copy of the text (external content) and
-- follow their tables through triggers.
CREATE VIRTUAL TABLE session_text USING fts5(
    subjective, objective, assessment, plan, home_care, trigger_other,
    content = 'sessions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER session_text_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO session_text (rowid, subjective, objective, assessment, plan, home_care, trigger_other)
    VALUES (new.id, new.subjective, new.objective, new.assessment, new.plan, new.home_care, new.trigger_other);
END;
CREATE TRIGGER session_text_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO session_text (session_text, rowid, subjective, objective, assessment, plan, home_care, trigger_other)
    VALUES ('delete', old.id, old.subjective, old.objective, old.assessment, old.plan, old.home_care, old.trigger_other);
END;
CREATE TRIGGER session_text_update AFTER UPDATE ON sessions BEGIN
    INSERT INTO session_text (session_text, rowid, subjective, objective, assessment, plan, home_care, trigger_other)
    VALUES ('delete', old.id, old.subjective, old.objective, old.assessment, old.plan, old.home_care, old.trigger_other);
    INSERT INTO session_text (rowid, subjective, objective, assessment, plan, home_care, trigger_other)
    VALUES (new.id, new.subjective, new.objective, new.assessment, new.plan, new.home_care, new.trigger_other);
END;
INSERT INTO session_text (session_text) VALUES ('rebuild');

CREATE VIRTUAL TABLE client_text USING fts5(
    medical_history, medications, contraindications,
    content = 'clients', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER client_text_insert AFTER INSERT ON clients BEGIN
    INSERT INTO client_text (rowid, medical_history, medications, contraindications)
    VALUES (new.id, new.medical_history, new.medications, new.contraindications);
END;
CREATE TRIGGER client_text_delete AFTER DELETE ON clients BEGIN
    INSERT INTO client_text (client_text, rowid, medical_history, medications, contraindications)
    VALUES ('delete', old.id, old.medical_history, old.medications, old.contraindications);
END;
CREATE TRIGGER client_text_update AFTER UPDATE OF medical_history, medications, contraindications ON clients BEGIN
    INSERT INTO client_text (client_text, rowid, medical_history, medications, contraindications)
    VALUES ('delete', old.id, old.medical_history, old.medications, old.contraindications);
    INSERT INTO client_text (rowid, medical_history, medications, contraindications)
    VALUES (new.id, new.medical_history, new.medications, new.contraindications);
END;
INSERT INTO client_text (client_text) VALUES ('rebuild');
