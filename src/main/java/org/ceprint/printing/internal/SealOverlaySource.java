package org.ceprint.printing.internal;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.ceprint.registry.CertificateDossiers;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.rendering.CertificateView;
import org.ceprint.rendering.RenderOptions;
import org.ceprint.rendering.RenderResult;
import org.ceprint.rendering.SealOverlayRenderer;

import org.springframework.stereotype.Component;

/**
 * Seal overlays (验证专用章套印页): for booklets printed before some of their entries were
 * verified, pages with only the seals of those entries, fed through the printer on top of
 * the booklet's pages. Keys are certificate ids; printing one marks the entries it seals.
 */
@Component
class SealOverlaySource implements DocumentSource<CertificateView> {

	private final CertificateDossiers dossiers;

	private final SealOverlayRenderer renderer;

	SealOverlaySource(CertificateDossiers dossiers, SealOverlayRenderer renderer) {
		this.dossiers = dossiers;
		this.renderer = renderer;
	}

	@Override
	public DocumentStep step() {
		return DocumentStep.SEAL_OVERLAYS;
	}

	@Override
	public String kind() {
		return "SEAL_OVERLAY";
	}

	@Override
	public String fileStem() {
		return "seal-overlays";
	}

	@Override
	public List<Printable<CertificateView>> load(List<Long> keys, PrintRunRecord run) {
		return CertificateSource.loadEach(this.dossiers, keys, (key, dossier) -> {
			List<Long> unsealed = dossier.entries()
				.stream()
				.filter((entry) -> entry.verified() && entry.sealedAt() == null)
				.map(RegistrationEntry::id)
				.toList();
			if (unsealed.isEmpty()) {
				return Printable.<CertificateView>rejected(key, dossier.certificateNo(), "没有待套印的验证专用章（已由其他批次套印）");
			}
			// an overlay prints seals only: no QR code
			return Printable.of(key, dossier.certificateNo(), CertificateSource.view(dossier, null, true),
					dossier.holder(), unsealed);
		});
	}

	@Override
	public RenderResult render(List<CertificateView> views, RenderOptions options, OutputStream out) {
		return this.renderer.render(views, options, out);
	}

	@Override
	public void markPrinted(List<Printable<CertificateView>> printed, LocalDateTime printedAt) {
		this.dossiers.markSealed(printed.stream().flatMap((document) -> document.sealedEntries().stream()).toList(),
				printedAt);
	}

}
