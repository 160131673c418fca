package org.ceprint.submission.internal;

/**
 * What a step in a batch's history did; stored by name in the event log and shown as such
 * in the history.
 */
public enum SubmissionAction {

	DRAFT, ADD, REMOVE, CORRECT, SUBMIT, RESUBMIT, RETURN, APPROVE, RECEIVE, DECIDE, CLOSE

}
