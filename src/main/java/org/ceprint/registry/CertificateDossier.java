package org.ceprint.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed on one certificate: the certificate, its holder and the holder's
 * registration entries in date order.
 */
public record CertificateDossier(long certificateId, String certificateNo, String channelCode, String issuingOffice,
		LocalDate issueDate, CertificateStatus status, Holder holder, List<RegistrationEntry> entries) {

}
