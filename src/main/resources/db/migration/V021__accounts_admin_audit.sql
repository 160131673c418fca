-- The provincial administrator (ADMIN, office 360000), who opens, disables and re-roles the other
-- accounts; a first password given by an office must be changed at the first sign-in.
ALTER TABLE office_user DROP CONSTRAINT ck_office_user_role;
ALTER TABLE office_user ADD CONSTRAINT ck_office_user_role
    CHECK (role IN ('CLERK', 'SUPERVISOR', 'UNIT_REGISTRAR', 'BASE_REGISTRAR', 'DEPT_REVIEWER', 'ADMIN'));
ALTER TABLE office_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- Every change of an account: when, by whom (an account name, or cli:<OS user> for the command
-- line), what (CREATE, CREATE_ADMIN, DISABLE, ENABLE, ROLE, PASSWORD), to which account, and the
-- role and scope it now has. Never a password or a hash. Never updated or deleted.
CREATE TABLE account_audit (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at              DATETIME(3)  NOT NULL,
    actor           VARCHAR(40)  NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    username        VARCHAR(40)  NOT NULL,
    detail          VARCHAR(200) NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_account_audit_username ON account_audit (username, at);
