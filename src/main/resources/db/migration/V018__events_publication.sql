-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0,
-- its MariaDB form, which H2 in MariaDB mode reads as well): one row per event and listener,
-- written in the publishing transaction and completed when the listener has run, so that an
-- event whose listener was interrupted (a crash after a submission closed, before its papers
-- were printed) is resubmitted when the application starts again. The id is a UUID column:
-- Modulith reads it back as java.util.UUID on H2 (whatever the compatibility mode), which a
-- VARCHAR id failed ("Database value not of type UUID!") when the application restarted with an
-- incomplete publication to resubmit (found by SubmissionPapersKillIntegrationTests); on MariaDB
-- (10.7 and later have the type) Modulith writes and reads it as text, which a UUID column
-- takes. The table's name is upper case because Modulith's statements spell it so and MariaDB's
-- table names are case-sensitive on Linux.
CREATE TABLE EVENT_PUBLICATION (
    id                     UUID          NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(6)  NULL DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_completion_date_idx ON EVENT_PUBLICATION (completion_date);
