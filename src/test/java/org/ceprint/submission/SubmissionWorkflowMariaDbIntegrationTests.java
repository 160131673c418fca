package org.ceprint.submission;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link SubmissionWorkflowContract} on a real MariaDB server.
 */
@MariaDbTest
class SubmissionWorkflowMariaDbIntegrationTests extends SubmissionWorkflowContract {

}
