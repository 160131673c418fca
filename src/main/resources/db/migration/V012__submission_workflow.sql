-- Submissions (第十至十四条): a base's or unit's batch of entries, reviewed by a unit's supervising
-- department, received and verified entry by entry by the HRSS office of the submitter's channel.
CREATE TABLE submission (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    batch_no             VARCHAR(40)  NOT NULL,
    submitter_id         BIGINT       NOT NULL,
    department_id        BIGINT       NULL,
    channel_code         CHAR(6)      NOT NULL,
    status               VARCHAR(12)  NOT NULL,
    review_opinion       VARCHAR(200) NULL,
    reviewed_by          VARCHAR(40)  NULL,
    reviewed_at          DATETIME(3)  NULL,
    verification_opinion VARCHAR(200) NULL,
    closed_by            VARCHAR(40)  NULL,
    closed_at            DATETIME(3)  NULL,
    created_by           VARCHAR(40)  NOT NULL,
    created_at           DATETIME(3)  NOT NULL,
    version              INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_submission_batch UNIQUE (batch_no),
    CONSTRAINT ck_submission_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'RECEIVED',
        'CLOSED')),
    CONSTRAINT fk_submission_submitter FOREIGN KEY (submitter_id) REFERENCES organisation (id),
    CONSTRAINT fk_submission_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT fk_submission_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_submission_queue ON submission (channel_code, status);
CREATE INDEX ix_submission_submitter ON submission (submitter_id, status);

-- An entry is submitted once; the decision stays here until closing writes it to the registry.
CREATE TABLE submission_entry (
    entry_id        BIGINT       NOT NULL PRIMARY KEY,
    submission_id   BIGINT       NOT NULL,
    decision        VARCHAR(10)  NULL,
    reason_code     VARCHAR(24)  NULL,
    reason_note     VARCHAR(200) NULL,
    decided_by      VARCHAR(40)  NULL,
    decided_at      DATETIME(3)  NULL,
    CONSTRAINT ck_submission_entry_decision CHECK (decision IS NULL OR decision IN ('VERIFIED', 'REJECTED')),
    CONSTRAINT ck_submission_entry_reason CHECK (decision IS NULL OR decision = 'VERIFIED' OR reason_code IS NOT NULL),
    CONSTRAINT fk_submission_entry_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT fk_submission_entry_entry FOREIGN KEY (entry_id) REFERENCES registration_entry (id)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_submission_entry_submission ON submission_entry (submission_id);

-- Every transition: who, when, why. Never updated or deleted.
CREATE TABLE submission_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id   BIGINT       NOT NULL,
    happened_at     DATETIME(3)  NOT NULL,
    actor           VARCHAR(40)  NOT NULL,
    actor_role      VARCHAR(16)  NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    from_status     VARCHAR(12)  NULL,
    to_status       VARCHAR(12)  NOT NULL,
    note            VARCHAR(300) NULL,
    CONSTRAINT fk_submission_event_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_submission_event ON submission_event (submission_id, id);

-- The print runs made at closing: summary tables, seal overlays, return slip, register cards.
CREATE TABLE submission_output (
    submission_id   BIGINT       NOT NULL,
    output_kind     VARCHAR(16)  NOT NULL,
    run_id          BIGINT       NOT NULL,
    CONSTRAINT pk_submission_output PRIMARY KEY (submission_id, output_kind),
    CONSTRAINT fk_submission_output_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
) DEFAULT CHARSET = utf8mb4;

-- A print run of one submission's papers (its summary table or return slip).
ALTER TABLE print_run ADD COLUMN submission_id BIGINT NULL;

-- Accounts of registering bodies and supervising departments, besides the HRSS offices' own.
-- organisation_id: the base or unit a registrar works for, or the organisation an HRSS clerk
-- belongs to (nobody verifies their own organisation's entries); department_id: a reviewer's.
ALTER TABLE office_user ADD COLUMN organisation_id BIGINT NULL;
ALTER TABLE office_user ADD COLUMN department_id BIGINT NULL;
ALTER TABLE office_user DROP CONSTRAINT ck_office_user_role;
ALTER TABLE office_user MODIFY COLUMN role VARCHAR(16) NOT NULL;
ALTER TABLE office_user ADD CONSTRAINT ck_office_user_role
    CHECK (role IN ('CLERK', 'SUPERVISOR', 'UNIT_REGISTRAR', 'BASE_REGISTRAR', 'DEPT_REVIEWER'));
ALTER TABLE office_user ADD CONSTRAINT fk_office_user_organisation FOREIGN KEY (organisation_id)
    REFERENCES organisation (id);
ALTER TABLE office_user ADD CONSTRAINT fk_office_user_department FOREIGN KEY (department_id)
    REFERENCES department (id);
