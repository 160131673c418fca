package org.ceprint.authenticity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a verifier may learn about a scanned document: whether it is genuine and current,
 * with masked holder data only.
 */
public record VerificationResult(boolean genuine, DocumentKind kind, String documentNo, String status, boolean current,
		String maskedName, String maskedIdNumber, String issuingOffice, LocalDate issueDate,
		List<YearHours> verifiedHours) {

	/**
	 * Verified hours of one year.
	 */
	public record YearHours(int year, BigDecimal publicHours, BigDecimal professionalHours) {

		public BigDecimal total() {
			return this.publicHours.add(this.professionalHours);
		}

	}

	static VerificationResult notFound(DocumentKind kind, String documentNo) {
		return new VerificationResult(false, kind, documentNo, "未找到", false, null, null, null, null, List.of());
	}

}
