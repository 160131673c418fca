package org.ceprint.rendering;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed in one certificate booklet (继续教育证书). The ID number is printed as
 * given: callers mask it where a mask is wanted.
 */
public record CertificateView(String certificateNo, String holderName, String sex, LocalDate birthDate, String idNumber,
		String unitName, String titleLevel, String titleName, String specialty, String issuingAuthority,
		LocalDate issueDate, String qrContent, List<RegistrationRow> rows) {

}
