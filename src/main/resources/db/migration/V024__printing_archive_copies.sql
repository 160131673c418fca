-- print … --archive: the run also writes a PDF/A-2b archive copy of each certificate and
-- register card into its folder's archive/ (for the personal file, 个人业务档案). Kept with the run
-- so that a resumed run, and every worker of a remote one, writes them too.
ALTER TABLE print_run ADD COLUMN archive_copies BOOLEAN DEFAULT FALSE NOT NULL;
