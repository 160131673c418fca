package org.ceprint.rendering;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.ceprint.rendering.RenderOptions.Stock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The 验证专用章, found in the PDF where it was drawn: in the verification cell of the right
 * row, never over the hours, vector ink, and on overlay pages exactly where the booklet
 * has it.
 */
class VerificationSealTests {

	static final String OFFICE = "南昌市人力资源和社会保障局";

	static final float RADIUS = (float) (RenderingProperties.DEFAULTS.sealDiameterMm() * Calibration.POINTS_PER_MM / 2);

	final CertificateRenderer certificates = RenderingFixtures.certificateRenderer();

	final SealOverlayRenderer overlays = RenderingFixtures.sealOverlayRenderer();

	@Test
	void eachVerificationGetsASealInsideTheVerificationCellOfItsRowAndNeverOverTheHours() throws IOException {
		LocalDate together = LocalDate.of(2020, 1, 15);
		LocalDate alone = LocalDate.of(2021, 3, 9);
		List<RegistrationRow> rows = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			LocalDate verified = (i <= 2) ? together : (i == 4) ? alone : null;
			rows.add(row(i, verified, null));
		}
		byte[] pdf = RenderingFixtures.bytes(
				(out) -> this.certificates.render(List.of(certificate("36010020190000232", rows)), out),
				"certificate-seals.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PdfProbe.Seal> seals = PdfProbe.seals(document, 2);
			// rows 1-3 were verified together: one seal on the middle one; row 5 alone
			assertThat(seals).hasSize(2);
			Rectangle2D.Float header = PdfProbe.find(document, 3, "验证单位").get(0);
			assertInVerificationCell(seals.get(0).centre(), header, PdfProbe.find(document, 3, "项目乙").get(0));
			assertInVerificationCell(seals.get(1).centre(), header, PdfProbe.find(document, 3, "项目戊").get(0));
			for (int i = 0; i < 8; i++) {
				for (Rectangle2D.Float hours : PdfProbe.find(document, 3, hours(i).toPlainString())) {
					for (PdfProbe.Seal seal : seals) {
						assertThat(distance(seal.centre(), hours)).as("seal over the hours of row %d", i + 1)
							.isGreaterThan(RADIUS);
					}
				}
			}
			assertThat(seals).allSatisfy((seal) -> assertThat(seal.rotationDegrees()).isBetween(-8.0, 8.0))
				.anySatisfy((seal) -> assertThat(Math.abs(seal.rotationDegrees())).isGreaterThan(0.1));
			assertThat(seals).allSatisfy((seal) -> assertThat(seal.centre().x + RADIUS)
				.isLessThanOrEqualTo(document.getPage(2).getMediaBox().getWidth()));
		}
	}

	@Test
	void theSealIsVectorInkWithNoImageAndNoText() throws IOException {
		List<RegistrationRow> rows = List.of(row(0, LocalDate.of(2020, 1, 15), null));
		byte[] pdf = RenderingFixtures.bytes(
				(out) -> this.certificates.render(List.of(certificate("36010020190000240", rows)), out),
				"certificate-one-seal.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDResources page = document.getPage(2).getResources();
			List<PDFormXObject> forms = new ArrayList<>();
			for (COSName name : page.getXObjectNames()) {
				if (page.getXObject(name) instanceof PDFormXObject form) {
					forms.add(form);
				}
			}
			assertThat(forms).hasSize(1);
			PDResources seal = forms.get(0).getResources();
			assertThat(seal.getXObjectNames()).isEmpty();
			assertThat(seal.getFontNames()).isEmpty();
			String ink = new String(forms.get(0).getContentStream().toByteArray(), StandardCharsets.ISO_8859_1);
			// paths only: curves, lines, a stroked ring and filled star and glyphs
			assertThat(ink).contains(" c\n", " l\n", "\nS\n", "\nf\n").doesNotContain("BT", " Do");
			// the office's name is drawn, not written: the page's text does not have it
			// twice
			assertThat(RenderingFixtures.flatText(document, 3).split(OFFICE, -1)).hasSize(2);
		}
	}

	@Test
	void overlayPagesCarryOnlyTheNewSealsWhereTheBookletHasThemShiftedByTheCalibration() throws IOException {
		CertificateView printed = RenderingFixtures.certificate("36010020190000259", "司马喆", 19);
		List<RegistrationRow> rows = new ArrayList<>();
		for (int i = 0; i < printed.rows().size(); i++) {
			RegistrationRow row = printed.rows().get(i);
			// the first page's seals were printed with the booklet
			rows.add((i < 8) ? sealed(row) : row);
		}
		CertificateView booklet = withRows(printed, rows);
		byte[] full = RenderingFixtures.bytes((out) -> this.certificates.render(List.of(booklet), out),
				"certificate-before-overlay.pdf");
		byte[] overlay = RenderingFixtures.bytes((out) -> this.overlays.render(List.of(booklet), out),
				"seal-overlay.pdf");
		RenderOptions calibrated = new RenderOptions(Stock.PREPRINTED, false, new Calibration(2, 1));
		byte[] shifted = RenderingFixtures.bytes((out) -> this.overlays.render(List.of(booklet), calibrated, out),
				"seal-overlay-calibrated.pdf");

		try (PDDocument fullDocument = Loader.loadPDF(full);
				PDDocument overlayDocument = Loader.loadPDF(overlay);
				PDDocument shiftedDocument = Loader.loadPDF(shifted)) {
			// registration pages 2 and 3 of the booklet; page 1 has nothing new
			assertThat(overlayDocument.getNumberOfPages()).isEqualTo(2);
			List<String> bookmarks = new ArrayList<>();
			for (PDOutlineItem item : overlayDocument.getDocumentCatalog().getDocumentOutline().children()) {
				bookmarks.add(item.getTitle());
			}
			assertThat(bookmarks).containsExactly("证书 36010020190000259 登记第 2 页", "证书 36010020190000259 登记第 3 页");
			for (int page = 0; page < 2; page++) {
				assertThat(RenderingFixtures.flatText(overlayDocument, page + 1)).isEmpty();
				List<PdfProbe.Seal> onBooklet = PdfProbe.seals(fullDocument, 3 + page);
				List<PdfProbe.Seal> onOverlay = PdfProbe.seals(overlayDocument, page);
				List<PdfProbe.Seal> onShifted = PdfProbe.seals(shiftedDocument, page);
				assertThat(onOverlay).hasSameSizeAs(onBooklet).isNotEmpty();
				for (int i = 0; i < onBooklet.size(); i++) {
					Point2D.Float expected = onBooklet.get(i).centre();
					assertThat(onOverlay.get(i).centre().x).isCloseTo(expected.x, within(0.01f));
					assertThat(onOverlay.get(i).centre().y).isCloseTo(expected.y, within(0.01f));
					assertThat(onOverlay.get(i).rotationDegrees()).isCloseTo(onBooklet.get(i).rotationDegrees(),
							within(0.001));
					assertThat(onShifted.get(i).centre().x - expected.x)
						.isCloseTo((float) (2 * Calibration.POINTS_PER_MM), within(0.01f));
					assertThat(onShifted.get(i).centre().y - expected.y)
						.isCloseTo((float) (1 * Calibration.POINTS_PER_MM), within(0.01f));
				}
			}
			assertThat(PdfProbe.seals(fullDocument, 2)).hasSize(2);
		}
	}

	private static void assertInVerificationCell(Point2D.Float seal, Rectangle2D.Float header,
			Rectangle2D.Float rowText) {
		// the verification cell is 64 × 52 points, centred under its header and on its
		// row; the whole seal lies in it
		assertThat(seal.x).as("seal centre x").isCloseTo((float) header.getCenterX(), within(32f - RADIUS));
		assertThat(seal.y).as("seal centre y").isCloseTo((float) rowText.getCenterY(), within(26f));
	}

	private static double distance(Point2D.Float point, Rectangle2D.Float box) {
		double dx = Math.max(Math.max(box.x - point.x, 0), point.x - (box.x + box.width));
		double dy = Math.max(Math.max(box.y - point.y, 0), point.y - (box.y + box.height));
		return Math.hypot(dx, dy);
	}

	private static final String[] PROJECTS = { "项目甲", "项目乙", "项目丙", "项目丁", "项目戊", "项目己", "项目庚", "项目辛" };

	private static BigDecimal hours(int row) {
		return new BigDecimal(String.valueOf(row + 11)).add(new BigDecimal("0.5"));
	}

	private static RegistrationRow row(int i, LocalDate verifiedOn, LocalDate sealedOn) {
		LocalDate start = LocalDate.of(2019, 3, 1 + i);
		return new RegistrationRow(start, start, PROJECTS[i], "内容", "面授培训", null, hours(i), "合格", null, "南昌大学",
				(verifiedOn != null) ? OFFICE : null, verifiedOn, sealedOn);
	}

	private static RegistrationRow sealed(RegistrationRow row) {
		return new RegistrationRow(row.startDate(), row.endDate(), row.projectName(), row.content(), row.learningForm(),
				row.publicHours(), row.professionalHours(), row.result(), row.outcome(), row.registeredBy(),
				row.verifiedBy(), row.verifiedOn(), row.verifiedOn());
	}

	private static CertificateView certificate(String number, List<RegistrationRow> rows) {
		return withRows(RenderingFixtures.certificate(number, "欧阳堃", 0), rows);
	}

	private static CertificateView withRows(CertificateView view, List<RegistrationRow> rows) {
		return new CertificateView(view.certificateNo(), view.holderName(), view.sex(), view.birthDate(),
				view.idNumber(), view.unitName(), view.titleLevel(), view.titleName(), view.specialty(),
				view.issuingAuthority(), view.issueDate(), view.qrContent(), rows);
	}

}
