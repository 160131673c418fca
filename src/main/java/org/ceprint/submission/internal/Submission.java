package org.ceprint.submission.internal;

import java.time.LocalDateTime;

/**
 * One submission (报送批次) as stored: who submits, through which department, to which
 * office, where it stands, and the opinions given on it.
 */
public record Submission(long id, String batchNo, long submitterId, String submitterName, String submitterKind,
		String submitterCreditCode, Long departmentId, String departmentName, String channelCode, String officeName,
		SubmissionStatus status, String reviewOpinion, String reviewedBy, LocalDateTime reviewedAt,
		String verificationOpinion, String closedBy, LocalDateTime closedAt, String createdBy, LocalDateTime createdAt,
		int entryCount, int version) {

	/** A continuing-education base submits straight to the office (第十一条). */
	public boolean byBase() {
		return "BASE".equals(this.submitterKind);
	}

	/** At the HRSS office: waiting to be received, being verified, or closed. */
	public boolean atOffice() {
		return switch (this.status) {
			case APPROVED, RECEIVED, CLOSED -> true;
			case SUBMITTED -> this.departmentId == null;
			default -> false;
		};
	}

}
