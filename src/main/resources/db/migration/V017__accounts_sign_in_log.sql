-- Every sign-in try of the offices' pages and API: when, which account name, from which address,
-- and what came of it (SIGNED_IN, FAILED, LOCKED when this failure locked the name or the
-- address, REFUSED while delayed or locked). Passwords are never stored, not even wrong ones.
CREATE TABLE sign_in_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at              TIMESTAMP    NOT NULL,
    username        VARCHAR(60)  NOT NULL,
    client_address  VARCHAR(45)  NOT NULL,
    outcome         VARCHAR(10)  NOT NULL,
    CONSTRAINT ck_sign_in_event_outcome CHECK (outcome IN ('SIGNED_IN', 'FAILED', 'LOCKED', 'REFUSED'))
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_sign_in_event_at ON sign_in_event (at);
CREATE INDEX ix_sign_in_event_username ON sign_in_event (username, at);
