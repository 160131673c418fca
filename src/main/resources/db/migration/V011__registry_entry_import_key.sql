-- Entries imported from a summary-table workbook carry a key of their content (person, body,
-- project, period, hours), so that importing the same file again adds nothing.
ALTER TABLE registration_entry ADD COLUMN import_key CHAR(64) NULL;
CREATE UNIQUE INDEX uk_entry_import_key ON registration_entry (import_key);
