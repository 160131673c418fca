-- The new booklet of a reissue is printed after the reissue has committed, by the listener of its
-- CertificateReissued event: the print run that prints it, recorded before the run starts so that
-- a resubmitted event (after a crash) resumes that run instead of recording another, and when the
-- listener ended, printed or not, so that a resubmitted event does nothing twice.
ALTER TABLE reissue ADD COLUMN print_run_id BIGINT NULL;
ALTER TABLE reissue ADD COLUMN print_ended_at DATETIME(3) NULL;
