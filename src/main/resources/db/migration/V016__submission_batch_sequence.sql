-- Batch numbers (<credit code>-<year>-<nn>) take nn from this sequence instead of counting a body's
-- batches: a count read by two concurrent drafts gave both the same number. A sequence hands each
-- draft its own value without locks, on H2 and on MariaDB alike; numbers of different bodies share
-- it, so a body's numbers rise with gaps. NOCACHE: a restart loses no values.
CREATE SEQUENCE submission_batch_seq START WITH 1 INCREMENT BY 1 NOCACHE;
