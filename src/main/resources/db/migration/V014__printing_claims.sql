-- Claims: a print run takes the documents it will print when it is recorded, and holds them
-- until it completes or is abandoned. The primary key lets one unfinished run at a time hold a
-- document, so two runs over overlapping selections (command line, admin API, several
-- processes) never print the same document twice. The claim kind names the document:
-- CERTIFICATE (a booklet, also for its seal overlay, keyed by certificate id), REGISTER_CARD
-- (person id), SUMMARY_TABLE:<year> (registering body id), SUBMISSION_TABLE and RETURN_SLIP
-- (submission id). A run reads its own claims back in print order: by partition (the city),
-- then unit, then key.
CREATE TABLE print_claim (
    claim_kind      VARCHAR(40)  NOT NULL,
    document_key    BIGINT       NOT NULL,
    run_id          BIGINT       NOT NULL,
    partition_code  VARCHAR(6)   NOT NULL,
    unit_id         BIGINT       NOT NULL,
    claimed_at      DATETIME(3)  NOT NULL,
    CONSTRAINT pk_print_claim PRIMARY KEY (claim_kind, document_key),
    CONSTRAINT fk_print_claim_run FOREIGN KEY (run_id) REFERENCES print_run (id)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_print_claim_order ON print_claim (run_id, claim_kind, partition_code, unit_id, document_key);

-- One row whose lock serialises the recording of runs, so that two runs recorded at once do
-- not both find a document unclaimed.
CREATE TABLE print_claim_guard (
    id              INT          NOT NULL PRIMARY KEY,
    last_claim_at   DATETIME(3)  NULL
) DEFAULT CHARSET = utf8mb4;

INSERT INTO print_claim_guard (id, last_claim_at) VALUES (1, NULL);

-- A record set aside because another unfinished run holds it names that run.
ALTER TABLE print_reject ADD COLUMN held_by_run BIGINT NULL;

-- A run given up with print abandon: its claims are released and it is not resumed.
ALTER TABLE print_run ADD COLUMN abandoned_at DATETIME(3) NULL;
