package org.ceprint.submission.internal;

import org.ceprint.InvalidRequestException;

/** The HRSS office's decision on one entry (第十三条). */
public enum Decision {

	VERIFIED("验证通过"), REJECTED("不予验证");

	private final String label;

	Decision(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Accepts the API's and the pages' spellings: verified/verify/v, rejected/reject/r.
	 */
	public static Decision parse(String text) {
		String value = (text != null) ? text.strip().toLowerCase(java.util.Locale.ROOT) : "";
		return switch (value) {
			case "verified", "verify", "v" -> VERIFIED;
			case "rejected", "reject", "r" -> REJECTED;
			default -> throw new InvalidRequestException("验证结论须为 verified 或 rejected，实为「" + text + "」");
		};
	}

}
