-- Intake, red flags and consent. A client's structured health history
-- (the intake), every red-flag screen and every consent are kept with the
-- client as JSON documents in the layout a JSON export writes
-- (sqlstore.ExportIntake, ExportScreen, ExportConsent): '' when there is
-- none. The free-text fields typed before stay where they were, and their
-- field gives them their level: contraindications red, medications amber,
-- medical history plain. Nothing is moved, so nothing can be lost.

ALTER TABLE clients ADD COLUMN intake    TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN red_flags TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN consents  TEXT NOT NULL DEFAULT '';

-- What the client list marks, kept beside the record it is worked out from
-- (store.AlertLevelOf), in the same transaction as every change to it.
ALTER TABLE clients ADD COLUMN alert_level TEXT NOT NULL DEFAULT ''
    CHECK (alert_level IN ('', 'plain', 'amber', 'red', 'refer'));
-- 1 while a consent is in force (store.ConsentOnFile on the day it changed;
-- withdrawals are never dated ahead, so it cannot go stale).
ALTER TABLE clients ADD COLUMN consent_on_file INTEGER NOT NULL DEFAULT 0
    CHECK (consent_on_file IN (0, 1));

UPDATE clients SET alert_level = CASE
    WHEN contraindications <> '' THEN 'red'
    WHEN medications <> '' THEN 'amber'
    WHEN medical_history <> '' THEN 'plain'
    ELSE '' END;
