-- Print runs: one folder under print-batches/ per run, one row per document printed in it, and
-- one row per record that could not be printed, with the reason.
CREATE TABLE print_run (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_name        VARCHAR(40)  NOT NULL,
    scope_label     VARCHAR(100) NOT NULL,
    channel_code    CHAR(6)      NULL,
    unit_id         BIGINT       NULL,
    entry_year      INT          NULL,
    reprint         BOOLEAN      NOT NULL DEFAULT FALSE,
    folder          VARCHAR(255) NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    completed_at    DATETIME(3)  NULL,
    CONSTRAINT uk_print_run_folder UNIQUE (folder)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE print_document (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id          BIGINT       NOT NULL,
    document_kind   VARCHAR(16)  NOT NULL,
    document_no     VARCHAR(60)  NOT NULL,
    file_name       VARCHAR(100) NOT NULL,
    first_page      INT          NOT NULL,
    last_page       INT          NOT NULL,
    content_sha256  CHAR(64)     NOT NULL,
    printed_at      DATETIME(3)  NOT NULL,
    CONSTRAINT uk_print_document UNIQUE (run_id, document_kind, document_no),
    CONSTRAINT fk_print_document_run FOREIGN KEY (run_id) REFERENCES print_run (id)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE print_reject (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id          BIGINT       NOT NULL,
    document_kind   VARCHAR(16)  NOT NULL,
    document_no     VARCHAR(60)  NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    rejected_at     DATETIME(3)  NOT NULL,
    CONSTRAINT fk_print_reject_run FOREIGN KEY (run_id) REFERENCES print_run (id)
) DEFAULT CHARSET = utf8mb4;
