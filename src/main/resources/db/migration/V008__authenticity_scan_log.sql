-- Every verification: when, which document (as claimed, for a token that failed its check),
-- how it was asked (QR page, JSON API, look-up by number and name), the outcome, and a coarse
-- client key (a keyed hash of the client's network, the key changing every day) for rate limiting
-- and for spotting a number checked suspiciously often. No name, ID number or address is kept.
CREATE TABLE verification_scan (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scanned_at      DATETIME(3)  NOT NULL,
    channel         VARCHAR(8)   NOT NULL,
    document_kind   VARCHAR(16)  NULL,
    document_no     VARCHAR(60)  NULL,
    outcome         VARCHAR(16)  NOT NULL,
    client_key      CHAR(16)     NOT NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_scan_time ON verification_scan (scanned_at);
CREATE INDEX ix_scan_document ON verification_scan (document_no, scanned_at);
