-- PostgreSQL's copy of store/sqlite/migrations/009_intake_consent.sql.
-- Intake, red flags and consent: each client's structured health history
-- (the intake), every red-flag screen and every consent are kept with the
-- client as JSON documents in the layout a JSON export writes, '' when there
-- is none. The free-text fields typed before stay where they were, and
-- their field gives them their level: contraindications red, medications
-- amber, medical history plain. Nothing is moved, so nothing can be lost.

ALTER TABLE clients ADD COLUMN intake    TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN red_flags TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN consents  TEXT NOT NULL DEFAULT '';

-- What the client list marks (store.AlertLevelOf) and whether a consent is
-- in force, kept beside the record they are worked out from, in the same
-- transaction as every change to it.
ALTER TABLE clients ADD COLUMN alert_level TEXT NOT NULL DEFAULT ''
    CHECK (alert_level IN ('', 'plain', 'amber', 'red', 'refer'));
ALTER TABLE clients ADD COLUMN consent_on_file BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE clients SET alert_level = CASE
    WHEN contraindications <> '' THEN 'red'
    WHEN medications <> '' THEN 'amber'
    WHEN medical_history <> '' THEN 'plain'
    ELSE '' END;
