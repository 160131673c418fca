-- 换发/补发 (第十八条): one row per replaced certificate. The unique key on the old certificate is a
-- second guard, after certificate.uk_certificate_predecessor, that a certificate is replaced once.
CREATE TABLE reissue (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    old_certificate_no  CHAR(17)     NOT NULL,
    new_certificate_no  CHAR(17)     NOT NULL,
    reason              VARCHAR(10)  NOT NULL,
    declaration_ref     VARCHAR(100) NULL,
    clerk               VARCHAR(40)  NOT NULL,
    office_channel      CHAR(6)      NOT NULL,
    reissued_at         DATETIME(3)  NOT NULL,
    CONSTRAINT uk_reissue_old UNIQUE (old_certificate_no),
    CONSTRAINT ck_reissue_reason CHECK (reason IN ('LOST', 'DAMAGED', 'FULL'))
) DEFAULT CHARSET = utf8mb4;

-- Every look-up of personal data and every reissue at the counter: who, when, what, why.
CREATE TABLE audit_log (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at              DATETIME(3)  NOT NULL,
    clerk           VARCHAR(40)  NOT NULL,
    office_channel  CHAR(6)      NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    subject         VARCHAR(100) NOT NULL,
    detail          VARCHAR(500) NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_audit_at ON audit_log (at);
