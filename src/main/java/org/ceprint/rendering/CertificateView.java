package org.ceprint.rendering;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed in one certificate booklet (继续教育证书). The ID number is printed as
 * given: callers mask it where a mask is wanted. {@code carriedForward} is the line a
 * booklet continuing a full one prints on its holder page (第十八条), or null.
 */
public record CertificateView(String certificateNo, String holderName, String sex, LocalDate birthDate, String idNumber,
		String unitName, String titleLevel, String titleName, String specialty, String issuingAuthority,
		LocalDate issueDate, String qrContent, List<RegistrationRow> rows, String carriedForward) {

	public CertificateView(String certificateNo, String holderName, String sex, LocalDate birthDate, String idNumber,
			String unitName, String titleLevel, String titleName, String specialty, String issuingAuthority,
			LocalDate issueDate, String qrContent, List<RegistrationRow> rows) {
		this(certificateNo, holderName, sex, birthDate, idNumber, unitName, titleLevel, titleName, specialty,
				issuingAuthority, issueDate, qrContent, rows, null);
	}

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "CertificateView[certificateNo=%s]".formatted(this.certificateNo);
	}

}
