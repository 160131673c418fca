-- Certificates chosen by number for a run (print certificates --numbers): kept with the run so
-- that a restarted run selects exactly the same ones.
CREATE TABLE print_run_number (
    run_id          BIGINT       NOT NULL,
    document_no     VARCHAR(60)  NOT NULL,
    CONSTRAINT pk_print_run_number PRIMARY KEY (run_id, document_no),
    CONSTRAINT fk_print_run_number_run FOREIGN KEY (run_id) REFERENCES print_run (id)
) DEFAULT CHARSET = utf8mb4;

-- How many documents the run selected when it started, for progress and time left.
ALTER TABLE print_run ADD COLUMN planned INT NULL;

-- Who receives each printed document, for the distribution slip of each unit.
ALTER TABLE print_document ADD COLUMN unit_id BIGINT NULL;
ALTER TABLE print_document ADD COLUMN unit_name VARCHAR(200) NULL;
ALTER TABLE print_document ADD COLUMN holder_name VARCHAR(100) NULL;

-- The run prints only the certificates listed in print_run_number.
ALTER TABLE print_run ADD COLUMN by_numbers BOOLEAN NOT NULL DEFAULT FALSE;
