package org.ceprint.printing.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.registry.CertificateDossier;
import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.CertificateStatus;
import org.ceprint.registry.Holder;
import org.ceprint.registry.Hours;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectHours;
import org.ceprint.registry.SubjectType;
import org.ceprint.registry.UniqueRows;
import org.ceprint.rendering.CertificateRenderer;
import org.ceprint.rendering.CertificateView;
import org.ceprint.rendering.RegistrationRow;
import org.ceprint.rendering.RenderOptions;
import org.ceprint.rendering.RenderResult;

import org.springframework.stereotype.Component;

/**
 * Certificates (继续教育证书): keys are certificate ids.
 */
@Component
class CertificateSource implements DocumentSource<CertificateView> {

	private final CertificateDossiers dossiers;

	private final CertificateRenderer renderer;

	private final AuthenticityCodes codes;

	CertificateSource(CertificateDossiers dossiers, CertificateRenderer renderer, AuthenticityCodes codes) {
		this.dossiers = dossiers;
		this.renderer = renderer;
		this.codes = codes;
	}

	@Override
	public DocumentStep step() {
		return DocumentStep.CERTIFICATES;
	}

	@Override
	public String kind() {
		return DocumentKind.CERTIFICATE.name();
	}

	@Override
	public String fileStem() {
		return "certificates";
	}

	@Override
	public List<Printable<CertificateView>> load(List<Long> keys, PrintRunRecord run) {
		return loadEach(this.dossiers, keys, (key, dossier) -> Printable.of(key, dossier.certificateNo(), view(dossier),
				dossier.holder(), verifiedEntries(dossier)));
	}

	/**
	 * Loads the dossiers of the keys in two queries and makes each a printable; a key
	 * whose certificate is gone is set aside with the reason.
	 */
	static List<Printable<CertificateView>> loadEach(CertificateDossiers dossiers, List<Long> keys,
			BiFunction<Long, CertificateDossier, Printable<CertificateView>> printable) {
		Map<Long, CertificateDossier> found = UniqueRows.byKey(dossiers.findByIds(keys),
				CertificateDossier::certificateId, "证书");
		return keys.stream().map((key) -> {
			CertificateDossier dossier = found.get(key);
			if (dossier == null) {
				return Printable.<CertificateView>rejected(key, "证书#" + key, "证书记录已不存在");
			}
			// replaced or voided after the run claimed it (a reissue at the counter)
			if (dossier.status() != CertificateStatus.VALID) {
				return Printable.<CertificateView>rejected(key, dossier.certificateNo(),
						"证书在本批次选定后状态变为「%s」，不再打印".formatted(dossier.status().label()));
			}
			return printable.apply(key, dossier);
		}).toList();
	}

	@Override
	public RenderResult render(List<CertificateView> views, RenderOptions options, OutputStream out) {
		return this.renderer.render(views, options, out);
	}

	@Override
	public void markPrinted(List<Printable<CertificateView>> printed, LocalDateTime printedAt) {
		this.dossiers.markPrinted(printed.stream().map(Printable::key).toList(), printedAt);
		// a booklet carries the seal of every row verified by the time it was rendered
		this.dossiers.markSealed(printed.stream().flatMap((document) -> document.sealedEntries().stream()).toList(),
				printedAt);
	}

	static List<Long> verifiedEntries(CertificateDossier dossier) {
		return dossier.entries().stream().filter(RegistrationEntry::verified).map(RegistrationEntry::id).toList();
	}

	CertificateView view(CertificateDossier dossier) {
		Holder holder = dossier.holder();
		// the QR code signs the hours of every row the booklet prints
		SignedDocument signed = SignedDocument.of(DocumentKind.CERTIFICATE, dossier.certificateNo(), holder.name(),
				holder.idNumber(), dossier.issueDate(), Hours.sum(dossier.entries()).value());
		return view(dossier, this.codes.qrContent(signed), false);
	}

	/**
	 * The booklet of a dossier; with {@code withSealDates} a row whose seal was printed
	 * before says when (what a seal overlay needs).
	 */
	static CertificateView view(CertificateDossier dossier, String qrContent, boolean withSealDates) {
		Holder holder = dossier.holder();
		return new CertificateView(dossier.certificateNo(), holder.name(), holder.sex().label(), holder.birthDate(),
				holder.idNumber(), holder.unitName(), holder.titleLevel().label(), holder.titleName(),
				holder.specialty(), dossier.issuingOffice(), dossier.issueDate(), qrContent,
				dossier.entries().stream().map((entry) -> row(entry, withSealDates)).toList(), carriedForward(dossier));
	}

	/**
	 * The line a booklet continuing full ones prints (第十八条): the verified hours of the
	 * earlier volumes, public and professional, or null.
	 */
	static String carriedForward(CertificateDossier dossier) {
		if (dossier.earlierVolumes().isEmpty()) {
			return null;
		}
		List<RegistrationEntry> verified = dossier.earlierVolumes()
			.stream()
			.filter(RegistrationEntry::verified)
			.toList();
		SubjectHours hours = SubjectHours.of(verified);
		return "本证续前册（已填满）：前册经验证学时 公需 %s、专业 %s，合计 %s，共 %d 项登记".formatted(hours.publicHours(), hours.professionalHours(),
				hours.total().withUnit(), verified.size());
	}

	/**
	 * One row of the booklet; with {@code withSealDates} a row whose seal was printed
	 * before says when, so that a seal overlay leaves it out.
	 */
	static RegistrationRow row(RegistrationEntry entry, boolean withSealDates) {
		boolean isPublic = entry.subjectType() == SubjectType.PUBLIC;
		BigDecimal publicHours = isPublic ? entry.hours() : null;
		BigDecimal professionalHours = isPublic ? null : entry.hours();
		return new RegistrationRow(entry.startDate(), entry.endDate(), entry.projectName(), entry.content(),
				entry.form().label(), publicHours, professionalHours, entry.result(), entry.outcome(),
				entry.registeredByName(), entry.verified() ? entry.verifiedByOffice() : null,
				entry.verified() ? entry.verifiedAt().toLocalDate() : null,
				(withSealDates && entry.sealedAt() != null) ? entry.sealedAt().toLocalDate() : null);
	}

}
