package org.ceprint.rendering;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ceprint.authenticity.QrCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableRendererTests {

	final SummaryTableRenderer renderer = RenderingFixtures.summaryTableRenderer();

	@Test
	void printsThreeCopiesIdenticalButForTheirLabels() throws IOException {
		SummaryTableView view = RenderingFixtures.summaryTable("12360100491012345U-2025", 5);
		RenderResult[] result = new RenderResult[1];
		byte[] pdf = RenderingFixtures.bytes((out) -> result[0] = this.renderer.render(List.of(view), out),
				"summary-table.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			var page0 = document.getPage(0);
			boolean turned = page0.getRotation() % 180 != 0;
			assertThat(turned ? page0.getMediaBox().getHeight() : page0.getMediaBox().getWidth()).as("landscape width")
				.isEqualTo(842f);
			assertThat(result[0].documents()).containsExactly(new RenderedDocument("12360100491012345U-2025", 1, 3));
			String[] copies = new String[3];
			for (int copy = 0; copy < 3; copy++) {
				copies[copy] = RenderingFixtures.flatText(document, copy + 1);
				String label = RenderingFixtures.flat(SummaryTableRenderer.COPY_LABELS.get(copy));
				assertThat(copies[copy]).contains(label);
				copies[copy] = copies[copy].replace(label, "");
			}
			assertThat(copies[1]).isEqualTo(copies[0]);
			assertThat(copies[2]).isEqualTo(copies[0]);
			assertThat(copies[0]).contains("专业技术人员继续教育情况登记汇总表", "南昌市第一人民医院", "12360100491012345U", "南昌市卫生健康委员会",
					"南昌市人力资源和社会保障局", "12360100491012345U-2025", "2025年12月01日", "欧阳堃", "2025.04.01–2025.04.03",
					"急危重症救治新进展培训班", "面授培训", "合计", "主管部门审核意见（盖章）", "人力资源社会保障部门验证意见（盖章）");
			// totals: rows 3 public (8 h); rows 1, 2, 4, 5 professional (24 h each)
			assertThat(copies[0]).contains("合计896");
			for (int copy = 0; copy < 3; copy++) {
				var page = new PDFRenderer(document).renderImageWithDPI(copy, 150, ImageType.RGB);
				assertThat(QrCodeReader.decode(page)).hasValue("http://localhost:8080/v/s/12360100491012345U-2025");
			}
		}
		RenderingFixtures.assertFontsEmbeddedAndSubset(pdf);
	}

	/**
	 * Every page of every copy says which copy it is, of which batch, which page of how
	 * many, and carries the QR code: 40 rows take three pages a copy, and with 12 the
	 * layout before put the totals and signature boxes alone on a second page that had
	 * none of these. The totals keep at least the last row with them.
	 */
	@ParameterizedTest
	@CsvSource({ "40, 3", "12, 2" })
	void everyPageOfEveryCopyIsIdentifiableAndTheTotalsNeverStandAlone(int rows, int pagesPerCopy) throws IOException {
		String batchNo = "12360100491012345U-2025-03";
		SummaryTableView view = withQrContent(RenderingFixtures.summaryTable(batchNo, rows), SampleDocuments.SAMPLE_QR);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out),
				"summary-table-" + rows + ".pdf");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3 * pagesPerCopy);
			PDFRenderer raster = new PDFRenderer(document);
			for (int copy = 0; copy < 3; copy++) {
				int rowsOfCopy = 0;
				for (int page = 1; page <= pagesPerCopy; page++) {
					int pdfPage = copy * pagesPerCopy + page;
					String text = RenderingFixtures.flatText(document, pdfPage);
					assertThat(text).as("page %d of copy %d", page, copy + 1)
						.contains(RenderingFixtures.flat(SummaryTableRenderer.COPY_LABELS.get(copy)), "批次号：" + batchNo,
								"第" + page + "页共" + pagesPerCopy + "页");
					assertThat(QrCodeReader.decode(raster.renderImageWithDPI(pdfPage - 1, 150, ImageType.RGB)))
						.as("QR code of page %d of copy %d", page, copy + 1)
						.hasValue(SampleDocuments.SAMPLE_QR);
					int dataRows = occurrences(text, "3601002024000");
					rowsOfCopy += dataRows;
					boolean last = page == pagesPerCopy;
					assertThat(text.contains("合计") && text.contains("报送单位（盖章）")).as("totals on page %d", page)
						.isEqualTo(last);
					assertThat(dataRows).as("data rows on page %d of copy %d", page, copy + 1).isPositive();
				}
				assertThat(rowsOfCopy).isEqualTo(rows);
			}
		}
		// as `verify FILE --page N` reads it: the second copy's last page
		assertThat(QrCodeReader.decode(RenderingFixtures.OUTPUT.resolve("summary-table-" + rows + ".pdf"),
				2 * pagesPerCopy))
			.hasValue(SampleDocuments.SAMPLE_QR);
	}

	private static SummaryTableView withQrContent(SummaryTableView view, String qrContent) {
		return new SummaryTableView(view.batchNo(), view.submitterName(), view.submitterCreditCode(),
				view.departmentName(), view.verifyingOffice(), view.filledOn(), qrContent, view.rows());
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

}
