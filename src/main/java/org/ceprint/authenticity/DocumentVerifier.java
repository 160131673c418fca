package org.ceprint.authenticity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ceprint.authenticity.internal.AuthenticityTokens.Outcome;
import org.ceprint.authenticity.internal.AuthenticityTokens.TokenCheck;
import org.ceprint.authenticity.internal.Masking;
import org.ceprint.authenticity.internal.ScanLog;
import org.ceprint.registry.CertificateDossier;
import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.CertificateStatus;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonNames;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectHours;

import org.springframework.stereotype.Service;

/**
 * Answers whether a document is genuine and current: from the signed token of its QR
 * code, or from a number typed by hand with the holder's full name. Every answer is
 * recorded in the scan log, with the office whose document it was when the registry knows
 * it: the certificate's channel, or the submitting body's for a summary table or return
 * slip (whose number starts with the body's credit code).
 */
@Service
public class DocumentVerifier {

	private final AuthenticityCodes codes;

	private final CertificateDossiers certificates;

	private final Organisations organisations;

	private final ScanLog scans;

	DocumentVerifier(AuthenticityCodes codes, CertificateDossiers certificates, Organisations organisations,
			ScanLog scans) {
		this.codes = codes;
		this.certificates = certificates;
		this.organisations = organisations;
		this.scans = scans;
	}

	/**
	 * Checks a QR code's content or token.
	 * @param channel how it was asked, for the scan log
	 * @param clientKey the coarse client key, for the scan log
	 */
	public VerificationResult verifyToken(String qrContentOrToken, ScanChannel channel, String clientKey) {
		TokenCheck check = this.codes.check(qrContentOrToken);
		Answer answer = check.genuine() ? fromSigned(check.document()) : new Answer(refused(check.outcome()), null);
		SignedDocument claimed = check.document();
		this.scans.record(channel, (claimed != null) ? claimed.kind() : null,
				(claimed != null) ? claimed.documentNo() : null, answer.result().verdict(), clientKey, answer.office());
		return answer.result();
	}

	/**
	 * Checks a certificate number typed by hand together with the holder's full name. An
	 * unknown number and a wrong name get the same answer, so that the look-up tells
	 * nothing about numbers one cannot name the holder of.
	 */
	public VerificationResult verifyByNumber(String certificateNo, String fullName, String clientKey) {
		String number = (certificateNo != null) ? certificateNo.strip().toUpperCase(java.util.Locale.ROOT) : "";
		// the name rule's normal form on both sides: 「阿依古丽•买买提」 typed finds 「阿依古丽·买买提」
		String name = PersonNames.check(fullName).value();
		Optional<CertificateDossier> found = this.certificates.findByNumber(number);
		VerificationResult result = found
			.filter((dossier) -> !name.isEmpty() && PersonNames.check(dossier.holder().name()).value().equals(name))
			.map((dossier) -> fromCertificate(DocumentKind.CERTIFICATE, dossier, null))
			.orElseGet(() -> VerificationResult.refused("NOT_FOUND", "未查到：证书编号与持证人姓名不匹配，请核对后重试"));
		this.scans.record(ScanChannel.LOOKUP, DocumentKind.CERTIFICATE, number.isEmpty() ? null : number,
				result.verdict(), clientKey, found.map(CertificateDossier::channelCode).orElse(null));
		return result;
	}

	/** Records a request refused for its client's rate limit: no check, no office. */
	public void recordRefusal(ScanChannel channel, DocumentKind kind, String documentNo, String clientKey) {
		this.scans.record(channel, kind, documentNo, "RATE_LIMITED", clientKey, null);
	}

	private Answer fromSigned(SignedDocument signed) {
		if (signed.kind() == DocumentKind.SUMMARY_TABLE || signed.kind() == DocumentKind.RETURN_SLIP) {
			// a submission's papers are records of it; the signature is their proof
			String creditCode = signed.documentNo().split("-", 2)[0];
			return new Answer(
					new VerificationResult(true, "VALID", "真实 · " + signed.kind().label(), signed.kind(),
							signed.documentNo(), "有效", true, null, signed.holderName(), null, null, signed.issueDate(),
							signed.totalHours(), List.of()),
					this.organisations.findByCreditCode(creditCode).map(Organisation::channelCode).orElse(null));
		}
		return this.certificates.findByNumber(signed.documentNo())
			.map((dossier) -> new Answer(fromCertificate(signed.kind(), dossier, signed), dossier.channelCode()))
			.orElseGet(() -> new Answer(VerificationResult.refused("NOT_FOUND", "签名有效，但登记系统中没有该证书，请向发证机关核实"), null));
	}

	private VerificationResult fromCertificate(DocumentKind kind, CertificateDossier dossier, SignedDocument signed) {
		CertificateStatus status = dossier.status();
		String replacedBy = (status != CertificateStatus.VALID)
				? this.certificates.successorNumber(dossier.certificateId()).orElse(null) : null;
		String verdict = status.name();
		String headline = switch (status) {
			case VALID -> "真实有效 · " + kind.label();
			case SUPERSEDED -> "文件真实，但证书已换发" + ((replacedBy != null) ? "，新证书编号 " + replacedBy : "");
			case VOID -> "文件真实，但证书已作废" + ((replacedBy != null) ? "（已补发新证书 " + replacedBy + "）" : "");
		};
		return new VerificationResult(true, verdict, headline, kind, dossier.certificateNo(), status.label(),
				status == CertificateStatus.VALID, replacedBy, Masking.name(dossier.holder().name()),
				Masking.idNumber(dossier.holder().idNumber()), dossier.issuingOffice(), dossier.issueDate(),
				(signed != null) ? signed.totalHours() : null, verifiedHoursByYear(dossier.entries()));
	}

	private static VerificationResult refused(Outcome outcome) {
		return VerificationResult.refused(outcome.name(), outcome.label());
	}

	/**
	 * The verified hours of each year by subject type, as {@link SubjectHours} adds them
	 * up: 168 rather than 168.0, the way they are printed.
	 */
	private static List<VerificationResult.YearHours> verifiedHoursByYear(List<RegistrationEntry> entries) {
		Map<Integer, List<RegistrationEntry>> byYear = entries.stream()
			.filter(RegistrationEntry::verified)
			.collect(Collectors.groupingBy((entry) -> entry.startDate().getYear(), TreeMap::new, Collectors.toList()));
		return byYear.entrySet()
			.stream()
			.map((year) -> VerificationResult.YearHours.of(year.getKey(), SubjectHours.of(year.getValue())))
			.toList();
	}

	private record Answer(VerificationResult result, String office) {

	}

}
