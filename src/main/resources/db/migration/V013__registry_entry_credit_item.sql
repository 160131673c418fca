-- The item of the hours-crediting standard an entry names (CreditItem: a conference's level,
-- half-time training, a kind of achievement), and the rule that credited its hours when the
-- import computed them from the standard (第六条), e.g. 江西2012学时标准：省级学术会议每次 16 学时.
ALTER TABLE registration_entry ADD COLUMN credit_item VARCHAR(32) NULL;
ALTER TABLE registration_entry ADD COLUMN credited_by VARCHAR(120) NULL;
