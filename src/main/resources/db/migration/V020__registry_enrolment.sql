-- Enrolment from an empty registry (issue 16): what an office records of its units and bases,
-- units that close instead of being deleted, transfers of people between units (第十八条), and
-- an audit of every change an office makes to these records.

ALTER TABLE organisation ADD COLUMN address VARCHAR(200) NULL;
ALTER TABLE organisation ADD COLUMN contact_name VARCHAR(40) NULL;
ALTER TABLE organisation ADD COLUMN contact_phone VARCHAR(40) NULL;
-- A unit with people is never deleted: it is closed from this date on and takes no new people.
ALTER TABLE organisation ADD COLUMN closed_on DATE NULL;

-- 调动: a person moved from one unit (and possibly city) to another on a date. The certificate
-- stays valid and unchanged (第十八条); person.unit_id holds the unit of the newest move.
CREATE TABLE person_transfer (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id       BIGINT       NOT NULL,
    from_unit_id    BIGINT       NOT NULL,
    to_unit_id      BIGINT       NOT NULL,
    moved_on        DATE         NOT NULL,
    recorded_by     VARCHAR(60)  NOT NULL,
    recorded_at     DATETIME(3)  NOT NULL,
    CONSTRAINT fk_transfer_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_transfer_from FOREIGN KEY (from_unit_id) REFERENCES organisation (id),
    CONSTRAINT fk_transfer_to FOREIGN KEY (to_unit_id) REFERENCES organisation (id)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_transfer_person ON person_transfer (person_id, moved_on);

-- Who changed which record of the registry, and what: ids and codes only, never a name or an
-- ID number (the record itself holds those).
CREATE TABLE registry_audit (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at              DATETIME(3)  NOT NULL,
    actor           VARCHAR(60)  NOT NULL,
    action          VARCHAR(24)  NOT NULL,
    office_channel  CHAR(6)      NOT NULL,
    subject         VARCHAR(60)  NOT NULL,
    detail          VARCHAR(400) NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_registry_audit_subject ON registry_audit (subject);
