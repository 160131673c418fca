package org.ceprint.printing;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.registry.CertificateDossier;
import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.Holder;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.SubjectType;
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
	public String kind() {
		return DocumentKind.CERTIFICATE.name();
	}

	@Override
	public String fileStem() {
		return "certificates";
	}

	@Override
	public List<Printable<CertificateView>> load(List<Long> keys, PrintRunRecord run) {
		Map<Long, CertificateDossier> found = this.dossiers.findByIds(keys)
			.stream()
			.collect(Collectors.toMap(CertificateDossier::certificateId, Function.identity()));
		return keys.stream().map((key) -> {
			CertificateDossier dossier = found.get(key);
			return (dossier != null) ? Printable.of(key, dossier.certificateNo(), view(dossier))
					: Printable.<CertificateView>rejected(key, "证书#" + key, "证书记录已不存在");
		}).toList();
	}

	@Override
	public RenderResult render(List<CertificateView> views, RenderOptions options, OutputStream out) {
		return this.renderer.render(views, options, out);
	}

	@Override
	public void markPrinted(List<Long> keys, LocalDateTime printedAt) {
		this.dossiers.markPrinted(keys, printedAt);
	}

	CertificateView view(CertificateDossier dossier) {
		Holder holder = dossier.holder();
		return new CertificateView(dossier.certificateNo(), holder.name(), holder.sex().label(), holder.birthDate(),
				holder.idNumber(), holder.unitName(), holder.titleLevel().label(), holder.titleName(),
				holder.specialty(), dossier.issuingOffice(), dossier.issueDate(),
				this.codes.qrContent(DocumentKind.CERTIFICATE, dossier.certificateNo()),
				dossier.entries().stream().map(CertificateSource::row).toList());
	}

	static RegistrationRow row(RegistrationEntry entry) {
		boolean isPublic = entry.subjectType() == SubjectType.PUBLIC;
		BigDecimal publicHours = isPublic ? entry.hours() : null;
		BigDecimal professionalHours = isPublic ? null : entry.hours();
		return new RegistrationRow(entry.startDate(), entry.endDate(), entry.projectName(), entry.content(),
				entry.form().label(), publicHours, professionalHours, entry.result(), entry.outcome(),
				entry.registeredByName(), entry.verified() ? entry.verifiedByOffice() : null,
				entry.verified() ? entry.verifiedAt().toLocalDate() : null, null);
	}

}
