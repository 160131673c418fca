package org.ceprint.authenticity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.ceprint.registry.Hours;
import org.ceprint.registry.SubjectHours;

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
 * @param verifiedHours the verified hours of each year; the page writes them through
 * {@link Hours}, the JSON as plain numbers
 */
public record VerificationResult(boolean genuine, String verdict, String headline, DocumentKind kind, String documentNo,
		String status, boolean current, String replacedBy, String maskedName, String maskedIdNumber,
		String issuingOffice, LocalDate issueDate, BigDecimal signedTotalHours, List<YearHours> verifiedHours) {

	/**
	 * The signed total as the page writes it (120, not 120.0); null when the document
	 * signs none.
	 */
	public Hours signedTotal() {
		return (this.signedTotalHours != null) ? Hours.of(this.signedTotalHours) : null;
	}

	/**
	 * Verified hours of one year, plain numbers in the JSON (168, not 168.0).
	 */
	public record YearHours(int year, BigDecimal publicHours, BigDecimal professionalHours) {

		public static YearHours of(int year, SubjectHours hours) {
			return new YearHours(year, hours.publicHours().value(), hours.professionalHours().value());
		}

		/**
		 * The year's hours as the page writes them: 12.5 and 7.5 make 20, not the 20.0 of
		 * a BigDecimal sum.
		 */
		public SubjectHours hours() {
			return new SubjectHours(Hours.of(this.publicHours), Hours.of(this.professionalHours));
		}

		public Hours total() {
			return hours().total();
		}

	}

	public static VerificationResult refused(String verdict, String headline) {
		return new VerificationResult(false, verdict, headline, null, null, null, false, null, null, null, null, null,
				null, List.of());
	}

}
