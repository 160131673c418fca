package org.ceprint.rendering;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.registry.CertificateNumbers;
import org.ceprint.registry.CreditCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ceprint samples} writes a sample of every kind of document, each with its
 * preview pages: what docs/previews shows.
 */
class SampleDocumentsTests {

	@Test
	void writesEveryKindOfDocumentWithItsPreview(@TempDir Path folder) throws IOException {
		SampleDocuments samples = new SampleDocuments(RenderingFixtures.certificateRenderer(),
				RenderingFixtures.sealOverlayRenderer(), RenderingFixtures.registerCardRenderer(),
				RenderingFixtures.summaryTableRenderer(), RenderingFixtures.distributionSlipRenderer(),
				RenderingFixtures.returnSlipRenderer());

		List<Path> written = samples.write(folder, 30, Calibration.NONE);

		assertThat(written).extracting((file) -> file.getFileName().toString())
			.containsExactly("certificate.pdf", "certificate-1.png", "certificate-3.png", "certificate-preprinted.pdf",
					"certificate-preprinted-1.png", "certificate-preprinted-2.png", "seal-overlay.pdf",
					"seal-overlay.png", "register-card.pdf", "register-card.png", "summary-table.pdf",
					"summary-table.png", "distribution-slip.pdf", "distribution-slip.png", "return-slip.pdf",
					"return-slip.png");
		assertThat(text(folder, "certificate")).contains("江西省专业技术人员继续教育证书", "欧阳堃", "36010020190000127");
		assertThat(text(folder, "certificate-preprinted")).contains("欧阳堃").doesNotContain("江西省专业技术人员继续教育证书");
		try (PDDocument overlay = Loader.loadPDF(folder.resolve("seal-overlay.pdf").toFile())) {
			assertThat(PdfProbe.seals(overlay, 0)).isNotEmpty();
		}
		assertThat(text(folder, "register-card")).contains("欧阳堃", "36010020190000127");
		assertThat(text(folder, "summary-table")).contains("专业技术人员继续教育情况登记汇总表", "批次号：12360100491012345U-2025-01", "司马婷",
				"第1页共1页");
		assertThat(text(folder, "distribution-slip")).contains("继续教育证书发放清单", "南昌市第一人民医院",
				"2025-12-01-all-documents-city360100-1", "司马婷", "certificates-360100-0001.pdf");
		assertThat(text(folder, "return-slip")).contains("继续教育登记验证退回单", "12360100491012345U-2025-01", "李珺",
				"缺少证明材料：未附结业证书", "杨淼", "与已验证的登记重复");
		for (Path file : written) {
			if (file.toString().endsWith(".png")) {
				BufferedImage preview = ImageIO.read(file.toFile());
				assertThat(preview).as(file.getFileName().toString()).isNotNull();
				assertThat(preview.getWidth()).as(file.getFileName().toString()).isGreaterThan(100);
			}
		}
	}

	/**
	 * The summary table and the slips show numbers of the real forms: the batch number as
	 * the submission module makes it, certificate numbers with their check character.
	 */
	@Test
	void theSampleNumbersHaveTheRealForms() {
		SummaryTableView table = SampleDocuments.summaryTable();
		assertThat(table.batchNo()).matches(table.submitterCreditCode() + "-\\d{4}-\\d{2}");
		assertThat(CreditCodes.check(table.submitterCreditCode()).problem()).isNull();
		assertThat(SampleDocuments.returnSlip().batchNo()).isEqualTo(table.batchNo());
		List<String> numbers = new ArrayList<>();
		table.rows().forEach((row) -> numbers.add(row.certificateNo()));
		SampleDocuments.distributionSlip().lines().forEach((line) -> numbers.add(line.documentNo()));
		SampleDocuments.returnSlip().lines().forEach((line) -> numbers.add(line.certificateNo()));
		assertThat(numbers).hasSize(20)
			.allSatisfy((number) -> assertThat(CertificateNumbers.check(number, (channel) -> true).problem()).as(number)
				.isNull());
	}

	private static String text(Path folder, String name) throws IOException {
		try (PDDocument document = Loader.loadPDF(folder.resolve(name + ".pdf").toFile())) {
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				text.append(RenderingFixtures.flatText(document, page));
			}
			return text.toString();
		}
	}

}
