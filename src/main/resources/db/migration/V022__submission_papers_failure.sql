-- Why the papers of a closed batch could not be printed, the last time it was tried: the batch
-- page says so instead of "printing" until the papers are handed to their listener again (at
-- the next start of the server). Removed when they are printed.
CREATE TABLE submission_papers_failure (
    submission_id   BIGINT       NOT NULL,
    failed_at       DATETIME(3)  NOT NULL,
    reason          VARCHAR(300) NOT NULL,
    CONSTRAINT pk_submission_papers_failure PRIMARY KEY (submission_id),
    CONSTRAINT fk_submission_papers_failure_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) DEFAULT CHARSET = utf8mb4;
