-- Registry: issuing channels, organisations, people, certificates and registration entries.
-- Runs unchanged on MariaDB 10.6+ and on H2 2.x in MODE=MariaDB.

-- 发证渠道: the city HRSS offices and the provincial departments' office (第十七条).
-- A table, not an enum: later notices add channels such as 赣江新区.
CREATE TABLE channel (
    code            CHAR(6)      NOT NULL PRIMARY KEY,
    name            VARCHAR(40)  NOT NULL,
    office_name     VARCHAR(80)  NOT NULL,
    CONSTRAINT uk_channel_name UNIQUE (name)
) DEFAULT CHARSET = utf8mb4;

-- 行政主管部门: reviews and seals a unit's submission before verification (第十一条).
CREATE TABLE department (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    channel_code    CHAR(6)      NOT NULL,
    CONSTRAINT uk_department_name UNIQUE (channel_code, name),
    CONSTRAINT fk_department_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) DEFAULT CHARSET = utf8mb4;

-- 所在单位 (UNIT) and 继续教育基地 (BASE): both register and seal entries (第十条).
CREATE TABLE organisation (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(4)   NOT NULL,
    name            VARCHAR(100) NOT NULL,
    credit_code     CHAR(18)     NOT NULL,
    channel_code    CHAR(6)      NOT NULL,
    department_id   BIGINT       NULL,
    CONSTRAINT uk_organisation_credit_code UNIQUE (credit_code),
    CONSTRAINT ck_organisation_kind CHECK (kind IN ('UNIT', 'BASE')),
    CONSTRAINT fk_organisation_channel FOREIGN KEY (channel_code) REFERENCES channel (code),
    CONSTRAINT fk_organisation_department FOREIGN KEY (department_id) REFERENCES department (id)
) DEFAULT CHARSET = utf8mb4;

-- 专业技术人员. id_type distinguishes 居民身份证 from other identity documents.
CREATE TABLE person (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(40)  NOT NULL,
    sex             CHAR(1)      NOT NULL,
    birth_date      DATE         NOT NULL,
    id_type         VARCHAR(16)  NOT NULL DEFAULT 'RESIDENT_ID',
    id_number       VARCHAR(20)  NOT NULL,
    unit_id         BIGINT       NOT NULL,
    title_level     VARCHAR(12)  NOT NULL,
    title_name      VARCHAR(40)  NULL,
    specialty       VARCHAR(60)  NULL,
    CONSTRAINT uk_person_id_number UNIQUE (id_type, id_number),
    CONSTRAINT ck_person_sex CHECK (sex IN ('M', 'F')),
    CONSTRAINT ck_person_title_level CHECK (title_level IN ('SENIOR', 'INTERMEDIATE', 'JUNIOR', 'UNRATED')),
    CONSTRAINT fk_person_unit FOREIGN KEY (unit_id) REFERENCES organisation (id)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_person_unit ON person (unit_id);
CREATE INDEX ix_person_name ON person (name);

-- 继续教育证书: one person, one current certificate (一人一证). current_holder_id equals person_id
-- while the certificate is VALID and is NULL otherwise, so the unique key allows exactly one
-- valid certificate per person on both databases (neither has partial indexes).
CREATE TABLE certificate (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    certificate_no    CHAR(17)     NOT NULL,
    person_id         BIGINT       NOT NULL,
    current_holder_id BIGINT       NULL,
    channel_code      CHAR(6)      NOT NULL,
    issue_date        DATE         NOT NULL,
    status            VARCHAR(12)  NOT NULL,
    predecessor_id    BIGINT       NULL,
    printed_at        DATETIME(3)  NULL,
    CONSTRAINT uk_certificate_no UNIQUE (certificate_no),
    CONSTRAINT uk_certificate_current UNIQUE (current_holder_id),
    CONSTRAINT uk_certificate_predecessor UNIQUE (predecessor_id),
    CONSTRAINT ck_certificate_status CHECK (status IN ('VALID', 'SUPERSEDED', 'VOID')),
    CONSTRAINT ck_certificate_current CHECK ((status = 'VALID' AND current_holder_id = person_id)
        OR (status <> 'VALID' AND current_holder_id IS NULL)),
    CONSTRAINT fk_certificate_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_certificate_channel FOREIGN KEY (channel_code) REFERENCES channel (code),
    CONSTRAINT fk_certificate_predecessor FOREIGN KEY (predecessor_id) REFERENCES certificate (id)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_certificate_person ON certificate (person_id);
CREATE INDEX ix_certificate_channel_printed ON certificate (channel_code, printed_at);

-- Serial numbers per issuing channel and year; rows are locked while a number is drawn.
CREATE TABLE certificate_number_sequence (
    channel_code    CHAR(6)      NOT NULL,
    issue_year      INT          NOT NULL,
    next_serial     INT          NOT NULL,
    PRIMARY KEY (channel_code, issue_year),
    CONSTRAINT fk_certificate_sequence_channel FOREIGN KEY (channel_code) REFERENCES channel (code)
) DEFAULT CHARSET = utf8mb4;

-- 登记: one learning activity with every field of 第九条, registered and sealed by a base or the
-- person's unit (第十条), and verified by an HRSS office (第十一至十三条).
CREATE TABLE registration_entry (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id          BIGINT        NOT NULL,
    certificate_id     BIGINT        NULL,
    project_name       VARCHAR(100)  NOT NULL,
    content            VARCHAR(200)  NOT NULL,
    learning_form      VARCHAR(16)   NOT NULL,
    subject_type       VARCHAR(12)   NOT NULL,
    start_date         DATE          NOT NULL,
    end_date           DATE          NOT NULL,
    hours              DECIMAL(5, 1) NOT NULL,
    result             VARCHAR(40)   NULL,
    outcome            VARCHAR(100)  NULL,
    registered_by_id   BIGINT        NOT NULL,
    registered_at      DATETIME(3)   NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    verified_by_channel CHAR(6)      NULL,
    verified_by_clerk  VARCHAR(40)   NULL,
    verified_at        DATETIME(3)   NULL,
    rejection_reason   VARCHAR(200)  NULL,
    CONSTRAINT ck_entry_form CHECK (learning_form IN ('TRAINING', 'CONFERENCE', 'EXAM', 'SECONDMENT',
        'SELF_STUDY', 'DEGREE', 'DISTANCE', 'ACHIEVEMENT')),
    CONSTRAINT ck_entry_subject CHECK (subject_type IN ('PUBLIC', 'PROFESSIONAL')),
    CONSTRAINT ck_entry_status CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED')),
    CONSTRAINT ck_entry_dates CHECK (end_date >= start_date),
    CONSTRAINT ck_entry_hours CHECK (hours > 0 AND hours <= 999),
    CONSTRAINT ck_entry_verified CHECK (status <> 'VERIFIED'
        OR (verified_by_channel IS NOT NULL AND verified_at IS NOT NULL)),
    CONSTRAINT fk_entry_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_entry_certificate FOREIGN KEY (certificate_id) REFERENCES certificate (id),
    CONSTRAINT fk_entry_registered_by FOREIGN KEY (registered_by_id) REFERENCES organisation (id),
    CONSTRAINT fk_entry_verified_by FOREIGN KEY (verified_by_channel) REFERENCES channel (code)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_entry_person ON registration_entry (person_id, start_date);
CREATE INDEX ix_entry_registered_by ON registration_entry (registered_by_id, start_date);
