package org.ceprint.submission;

/**
 * {@link SubmissionWorkflowContract} on the embedded H2 database.
 */
class SubmissionWorkflowTests extends SubmissionWorkflowContract {

}
