-- The publication's id as a UUID column: Spring Modulith writes and reads it as java.util.UUID on
-- H2, which it recognises by name whatever the compatibility mode, and reading back a VARCHAR id
-- failed ("Database value not of type UUID!") when the application restarted with an incomplete
-- publication to resubmit, so a closing interrupted before its papers could not resume (seen in
-- SubmissionPapersKillIntegrationTests). On MariaDB (10.7 and later have the UUID type) Modulith
-- writes and reads the id as text, which a UUID column takes and gives back alike.
ALTER TABLE EVENT_PUBLICATION MODIFY COLUMN id UUID NOT NULL;
