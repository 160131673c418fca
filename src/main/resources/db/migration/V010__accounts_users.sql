-- Office accounts: clerks at the counters and their supervisors, each scoped to one issuing office
-- (a city HRSS office, or 360000 for the provincial departments' office). Passwords are stored as
-- {bcrypt} hashes only.
CREATE TABLE office_user (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(40)  NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(40)  NOT NULL,
    role            VARCHAR(12)  NOT NULL,
    office_channel  CHAR(6)      NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT uk_office_user UNIQUE (username),
    CONSTRAINT ck_office_user_role CHECK (role IN ('CLERK', 'SUPERVISOR')),
    CONSTRAINT fk_office_user_channel FOREIGN KEY (office_channel) REFERENCES channel (code)
) DEFAULT CHARSET = utf8mb4;
