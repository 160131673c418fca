-- The office whose document a check was about (its channel code), recorded at scan time: the
-- certificate's channel for a certificate or register card, the submitting body's channel for a
-- summary table or return slip; NULL when no document of the registry was found (forged tokens,
-- unknown numbers, refused requests). It lets an HRSS office see the checks of its own documents.
ALTER TABLE verification_scan ADD COLUMN office_channel CHAR(6) NULL;
CREATE INDEX ix_scan_office ON verification_scan (office_channel, scanned_at);

-- Rows logged before this column existed: the same attribution, from the registry.
UPDATE verification_scan SET office_channel =
    (SELECT c.channel_code FROM certificate c WHERE c.certificate_no = verification_scan.document_no)
WHERE document_kind IN ('CERTIFICATE', 'REGISTER_CARD') AND document_no IS NOT NULL;
UPDATE verification_scan SET office_channel =
    (SELECT o.channel_code FROM organisation o WHERE o.credit_code = LEFT(verification_scan.document_no, 18))
WHERE document_kind IN ('SUMMARY_TABLE', 'RETURN_SLIP') AND document_no IS NOT NULL;

-- What pruning keeps of the rows older than ceprint.authenticity.scan-retention: checks per office,
-- document and day (failed = outcomes other than VALID, SUPERSEDED and VOID). Rows with no office
-- are deleted without a count.
CREATE TABLE verification_scan_daily (
    office_channel  CHAR(6)      NOT NULL,
    scan_date       DATE         NOT NULL,
    document_kind   VARCHAR(16)  NOT NULL,
    document_no     VARCHAR(60)  NOT NULL,
    checks          INT          NOT NULL,
    failed          INT          NOT NULL,
    PRIMARY KEY (office_channel, scan_date, document_kind, document_no)
) DEFAULT CHARSET = utf8mb4;
