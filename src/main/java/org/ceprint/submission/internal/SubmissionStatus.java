package org.ceprint.submission.internal;

import org.ceprint.InvalidRequestException;

/**
 * Where a submission stands. A unit's goes DRAFT → SUBMITTED → APPROVED (or RETURNED, to
 * be corrected and submitted again) → RECEIVED → CLOSED; a base's skips the department.
 */
public enum SubmissionStatus {

	DRAFT("草稿"), SUBMITTED("已报送"), RETURNED("已退回"), APPROVED("主管部门已审核"), RECEIVED("验证中"), CLOSED("已办结");

	private final String label;

	SubmissionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** A status by its name in any case; null or blank for none. */
	public static SubmissionStatus parseOrNull(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("状态须为 %s 之一，实为「%s」".formatted(java.util.Arrays.toString(values()), text));
		}
	}

}
