package org.ceprint.authenticity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ceprint.registry.CertificateDossier;
import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.CertificateStatus;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectType;

import org.springframework.stereotype.Service;

/**
 * Answers whether a document named by its QR code is genuine and current.
 */
@Service
public class DocumentVerifier {

	private final CertificateDossiers certificates;

	DocumentVerifier(CertificateDossiers certificates) {
		this.certificates = certificates;
	}

	public VerificationResult verify(DocumentKind kind, String documentNo) {
		if (kind == DocumentKind.SUMMARY_TABLE) {
			// Summary tables become records of their own with the submission workflow.
			return VerificationResult.notFound(kind, documentNo);
		}
		return this.certificates.findByNumber(documentNo)
			.map((dossier) -> fromCertificate(kind, dossier))
			.orElseGet(() -> VerificationResult.notFound(kind, documentNo));
	}

	private static VerificationResult fromCertificate(DocumentKind kind, CertificateDossier dossier) {
		boolean current = dossier.status() == CertificateStatus.VALID;
		return new VerificationResult(true, kind, dossier.certificateNo(), dossier.status().label(), current,
				Masking.name(dossier.holder().name()), Masking.idNumber(dossier.holder().idNumber()),
				dossier.issuingOffice(), dossier.issueDate(), verifiedHoursByYear(dossier.entries()));
	}

	/** 168 rather than 168.0: hours are shown the way they are printed. */
	private static BigDecimal plain(BigDecimal hours) {
		BigDecimal stripped = hours.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static List<VerificationResult.YearHours> verifiedHoursByYear(List<RegistrationEntry> entries) {
		Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
		for (RegistrationEntry entry : entries) {
			if (!entry.verified()) {
				continue;
			}
			BigDecimal[] hours = byYear.computeIfAbsent(entry.startDate().getYear(),
					(year) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			int slot = (entry.subjectType() == SubjectType.PUBLIC) ? 0 : 1;
			hours[slot] = hours[slot].add(entry.hours());
		}
		return byYear.entrySet()
			.stream()
			.map((e) -> new VerificationResult.YearHours(e.getKey(), plain(e.getValue()[0]), plain(e.getValue()[1])))
			.toList();
	}

}
