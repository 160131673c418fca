package org.ceprint.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed on one certificate: the certificate, its holder and the entries it
 * records, in date order; for a certificate that continues full ones (第十八条), the entries
 * of those earlier volumes, whose verified hours it carries forward.
 */
public record CertificateDossier(long certificateId, String certificateNo, String channelCode, String issuingOffice,
		LocalDate issueDate, CertificateStatus status, Holder holder, List<RegistrationEntry> entries,
		List<RegistrationEntry> earlierVolumes) {

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "CertificateDossier[certificateId=%d, certificateNo=%s, personId=%d]".formatted(this.certificateId,
				this.certificateNo, this.holder.personId());
	}

}
