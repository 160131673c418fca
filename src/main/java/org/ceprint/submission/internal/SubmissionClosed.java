package org.ceprint.submission.internal;

/**
 * A batch was closed: its decisions are in the registry. Published in the closing
 * transaction and kept in the event publication registry until its papers are printed, so
 * that a closing interrupted between its commit and its papers is resumed when the
 * application starts again.
 *
 * @param fullReprints print the booklets of verified entries again in full instead of the
 * seal overlay pages
 */
public record SubmissionClosed(long submissionId, boolean fullReprints) {

}
