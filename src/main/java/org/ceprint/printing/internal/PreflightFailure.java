package org.ceprint.printing.internal;

/**
 * One thing the preflight found wrong: which document, file and page, and why, in
 * Chinese. Numbers only: the reason never carries a holder's name or ID number.
 *
 * @param page the 1-based page, or 0 when the fault is the file's
 */
record PreflightFailure(String documentNo, String kind, String file, int page, String reason) {

	@Override
	public String toString() {
		String where = (this.page > 0) ? "%s 第 %d 页".formatted(this.file, this.page) : this.file;
		return "%s（%s %s）：%s".formatted(where, PreflightFailure.label(this.kind), this.documentNo, this.reason);
	}

	static String label(String kind) {
		return switch (kind) {
			case "CERTIFICATE" -> "继续教育证书";
			case "REGISTER_CARD" -> "继续教育登记卡";
			case "SUMMARY_TABLE" -> "登记汇总表";
			case "SEAL_OVERLAY" -> "验证专用章套印页";
			case "RETURN_SLIP" -> "退回单";
			default -> kind;
		};
	}

}
