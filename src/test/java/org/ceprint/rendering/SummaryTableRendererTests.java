package org.ceprint.rendering;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ceprint.authenticity.QrCodeReader;
import org.junit.jupiter.api.Test;

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

	@Test
	void aLongTableContinuesOverPagesInEveryCopy() throws IOException {
		SummaryTableView view = RenderingFixtures.summaryTable("12360100491012345U-2024", 40);
		RenderResult[] result = new RenderResult[1];
		byte[] pdf = RenderingFixtures.bytes((out) -> result[0] = this.renderer.render(List.of(view), out),
				"summary-table-40.pdf");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages % 3).isZero();
			assertThat(pages).isGreaterThan(3);
			int perCopy = pages / 3;
			for (int copy = 0; copy < 3; copy++) {
				StringBuilder text = new StringBuilder();
				for (int page = copy * perCopy + 1; page <= (copy + 1) * perCopy; page++) {
					String pageText = RenderingFixtures.flatText(document, page);
					assertThat(pageText).as("label on every page")
						.contains(RenderingFixtures.flat(SummaryTableRenderer.COPY_LABELS.get(copy)));
					text.append(pageText);
				}
				for (int row = 3; row <= 40; row++) {
					assertThat(text).contains("张喆" + row + "3601");
				}
				assertThat(RenderingFixtures.flatText(document, (copy + 1) * perCopy)).contains("合计");
			}
		}
	}

}
