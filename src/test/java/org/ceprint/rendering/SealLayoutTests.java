package org.ceprint.rendering;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.ceprint.rendering.SealLayout.Breach;
import org.ceprint.rendering.SealLayout.Seal;
import org.ceprint.rendering.SealLayout.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The seal checker over rendered pages: every row of a full certificate stamped, each
 * seal whole inside its 验证单位 cell, on the booklet and on its overlay; and the checker
 * catches the 40 mm seals that piled up before.
 */
class SealLayoutTests {

	static final double DIAMETER = RenderingProperties.DEFAULTS.sealDiameterMm() * Calibration.POINTS_PER_MM;

	@Test
	void everyRowStampedGivesEightSealsAPageEachWholeInItsCellAndNoneOverlapping() throws IOException {
		CertificateView booklet = everyRowVerifiedOnItsOwnDay(19);
		byte[] pdf = RenderingFixtures
			.bytes((out) -> RenderingFixtures.certificateRenderer().render(List.of(booklet), out), "seal-layout.pdf");
		byte[] overlay = RenderingFixtures.bytes(
				(out) -> RenderingFixtures.sealOverlayRenderer().render(List.of(booklet), out),
				"seal-layout-overlay.pdf");

		try (PDDocument document = Loader.loadPDF(pdf); PDDocument overlayDocument = Loader.loadPDF(overlay)) {
			List<SealLayout.Page> pages = SealLayout.read(document, null, 0);
			// the holder pages have no table; registration pages 1 to 3 of the booklet
			assertThat(pages).extracting(SealLayout.Page::number).containsExactly(3, 4, 5);
			assertThat(pages).extracting((page) -> page.seals().size()).containsExactly(8, 8, 3);
			assertThat(pages).allSatisfy((page) -> {
				assertThat(page.tableOnPage()).isTrue();
				assertThat(page.violations()).isEmpty();
				assertThat(page.worstOverlap()).isZero();
				assertThat(page.clearance()).isGreaterThan(0.9);
				assertThat(page.seals())
					.allSatisfy((seal) -> assertThat(seal.radius()).isCloseTo(DIAMETER / 2, within(0.05)));
			});
			RegistrationTable table = pages.get(0).table();
			// the table as the template draws it, 28 points in from the page's edges
			assertThat(table.registeringLeft()).isCloseTo(282, within(0.01));
			assertThat(table.verifyingLeft()).isCloseTo(328, within(0.01));
			assertThat(table.right()).isCloseTo(392, within(0.01));
			assertThat(table.headingBottom()).isCloseTo(106, within(0.01));
			assertThat(table.rowLines()).hasSize(9);

			List<SealLayout.Page> overlayPages = SealLayout.read(overlayDocument, table, 0);
			assertThat(overlayPages).extracting((page) -> page.seals().size()).containsExactly(8, 8, 3);
			assertThat(overlayPages).allSatisfy((page) -> {
				assertThat(page.tableOnPage()).isFalse();
				assertThat(page.violations()).isEmpty();
			});
		}
	}

	@Test
	void theCheckerCatchesFortyMillimetreSealsOverTheRegisteringColumnAndEachOther() throws IOException {
		float forty = (float) (40 * Calibration.POINTS_PER_MM);
		CertificateRenderer oldSize = new CertificateRenderer(RenderingFixtures.templates(),
				RenderingFixtures.coverage(), RenderingProperties.DEFAULTS) {
			@Override
			float sealDiameter() {
				return forty;
			}
		};
		byte[] pdf = RenderingFixtures.bytes((out) -> oldSize.render(List.of(everyRowVerifiedOnItsOwnDay(8)), out),
				"seal-layout-40mm.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			SealLayout.Page page = SealLayout.read(document, null, 0).get(0);
			assertThat(page.seals()).hasSize(8);
			// too large for their cells, they are centred on them: 52 points apart
			double half = Math.acos(52 / forty);
			assertThat(page.worstOverlap()).isCloseTo(2 * (half - Math.sin(2 * half) / 2) / Math.PI, within(0.005));
			assertThat(page.violations()).extracting(Violation::breach)
				.contains(Breach.OVERLAP, Breach.REGISTERING_COLUMN, Breach.HEADING, Breach.OUTSIDE_TABLE,
						Breach.OUTSIDE_CELL);
			assertThat(page.violations()).filteredOn((violation) -> violation.breach() == Breach.REGISTERING_COLUMN)
				.hasSize(8);
			assertThat(page.violations()).extracting(Violation::description)
				.contains("第 1 枚验证专用章盖到登记单位栏", "第 1 枚验证专用章盖到表头", "第 1、2 枚验证专用章重叠，占一枚面积的 43.7%");
		}
	}

	@Test
	void overlapIsTheSharedAreaOverTheSmallerSeal() {
		Seal a = new Seal(0, 0, 10);
		assertThat(SealLayout.overlap(a, new Seal(20, 0, 10))).isZero();
		assertThat(SealLayout.overlap(a, new Seal(0, 0, 10))).isCloseTo(1, within(1e-9));
		// two equal circles a radius apart share (2π/3 − √3/2) r²
		assertThat(SealLayout.overlap(a, new Seal(10, 0, 10))).isCloseTo((2 * Math.PI / 3 - Math.sqrt(3) / 2) / Math.PI,
				within(1e-9));
	}

	/** A booklet whose every row was verified by its own office on its own day. */
	private static CertificateView everyRowVerifiedOnItsOwnDay(int rows) {
		CertificateView base = RenderingFixtures.certificate("36010020190000305", "欧阳堃", rows);
		String[] offices = { "南昌市人力资源和社会保障局", "江西省赣江新区人力资源和社会保障局", "九江市人力资源和社会保障局" };
		List<RegistrationRow> verified = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			RegistrationRow r = base.rows().get(i);
			verified.add(new RegistrationRow(r.startDate(), r.endDate(), r.projectName(), r.content(), r.learningForm(),
					r.publicHours(), r.professionalHours(), r.result(), r.outcome(), r.registeredBy(),
					offices[i % offices.length], LocalDate.of(2020, 1, 1).plusDays(i), null));
		}
		return new CertificateView(base.certificateNo(), base.holderName(), base.sex(), base.birthDate(),
				base.idNumber(), base.unitName(), base.titleLevel(), base.titleName(), base.specialty(),
				base.issuingAuthority(), base.issueDate(), base.qrContent(), verified);
	}

}
