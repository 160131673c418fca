package org.ceprint.authenticity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a verifier may learn about a document: whether it is genuine and current, with
 * masked holder data only. A document that is not genuine carries nothing but the verdict
 * and its reason.
 *
 * @param verdict VALID, SUPERSEDED, VOID (genuine); FORGED, UNKNOWN_KEY, REVOKED_KEY,
 * NOT_FOUND (not)
 * @param headline the verdict in a few words, in Chinese
 * @param replacedBy the number of the certificate that replaced a superseded one
 * @param signedTotalHours the total hours printed on the document, as its QR code signs
 * them
 */
public record VerificationResult(boolean genuine, String verdict, String headline, DocumentKind kind, String documentNo,
		String status, boolean current, String replacedBy, String maskedName, String maskedIdNumber,
		String issuingOffice, LocalDate issueDate, BigDecimal signedTotalHours, List<YearHours> verifiedHours) {

	/**
	 * Verified hours of one year.
	 */
	public record YearHours(int year, BigDecimal publicHours, BigDecimal professionalHours) {

		public BigDecimal total() {
			return this.publicHours.add(this.professionalHours);
		}

	}

	public static VerificationResult refused(String verdict, String headline) {
		return new VerificationResult(false, verdict, headline, null, null, null, false, null, null, null, null, null,
				null, List.of());
	}

}
