package org.ceprint.rendering;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ceprint.authenticity.QrCodeReader;
import org.ceprint.rendering.RenderOptions.Stock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Certificates rendered from views, checked in the PDF: fields as extracted text, page
 * layout, fonts, and the QR code read back from a 150 dpi raster.
 */
class CertificateRendererTests {

	final CertificateRenderer renderer = RenderingFixtures.certificateRenderer();

	@Test
	void holderPageCarriesEveryFieldAndAReadableQrCode() throws IOException {
		CertificateView view = RenderingFixtures.certificate("36010020190000127", "欧阳堃", 3);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out), "certificate.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			// holder page, notes page, one registration page
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			PDRectangle a5 = document.getPage(0).getMediaBox();
			assertThat(a5.getWidth()).isEqualTo(420f);
			assertThat(a5.getHeight()).isEqualTo(595f);
			String holder = RenderingFixtures.text(document, 1);
			assertThat(holder).contains("江西省专业技术人员继续教育证书", "欧阳堃", "男", "1985年06月15日", "360102198506150521", "南昌市第一人民医院",
					"主治医师（中级）", "临床医学", "36010020190000127", "南昌市人力资源和社会保障局", "2019年03月01日");
			var page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			assertThat(QrCodeReader.decode(page)).hasValue("http://localhost:8080/v/c/36010020190000127");
			assertThat(RenderingFixtures.flatText(document, 2)).contains("使用说明", "一人一证一卡", "验证专用章", "第十八条");
		}
		RenderingFixtures.assertFontsEmbeddedAndSubset(pdf);
	}

	@Test
	void qrModulesAreAtLeastHalfAMillimetreOnPaperAndNothingCoversItsQuietZone() throws IOException {
		// the longest signed URL: a provincial host and the token of a summary table with
		// a
		// 23-character batch number and a 10-character body name (134 bytes, 215 in
		// Base32)
		String longest = "HTTPS://RSJ.JIANGXI.GOV.CN/V/"
				+ "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".repeat(7).substring(0, 215);
		CertificateView view = RenderingFixtures.certificate("36010020190000127", "欧阳堃", 0, longest);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out),
				"certificate-long-qr.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			// the symbol is drawn as vector squares on a white square holding the quiet
			// zone: no raster image to be resampled
			assertThat(PdfProbe.images(document, 0)).isEmpty();
			List<PdfProbe.Fill> fills = PdfProbe.fills(document, 0);
			PdfProbe.Fill square = fills.stream()
				.filter((fill) -> fill.white() && Math.abs(fill.box().getWidth() - fill.box().getHeight()) < 0.01)
				.filter((fill) -> fill.box().getWidth() > 60 && fill.box().getWidth() < 100)
				.findFirst()
				.orElseThrow();
			Rectangle2D modules = fills.stream()
				.filter((fill) -> fill.black() && square.box().contains(fill.box()))
				.map(PdfProbe.Fill::box)
				.reduce(Rectangle2D::createUnion)
				.orElseThrow();
			// version 9 (53 modules) at error correction M, with the 4 of the quiet zone
			// each side
			double module = modules.getWidth() / 53;
			assertThat(module * 25.4 / 72).as("module size in mm").isGreaterThanOrEqualTo(0.5);
			assertThat(square.box().getWidth() / module).isCloseTo(61, within(0.01));
			assertThat(modules.getCenterX()).isCloseTo(square.box().getCenterX(), within(0.01));
			var page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			assertThat(QrCodeReader.decode(page)).hasValue(longest);
			// nothing else may be drawn over the symbol or its quiet zone
			assertThat(PdfProbe.glyphs(document, 1)).noneMatch((glyph) -> glyph.intersects(square.box()));
			assertThat(PdfProbe.seals(document, 0)).isEmpty();
		}
	}

	@Test
	void registrationRowsCarryEveryFieldOfArticleNineAndContinueOverPages() throws IOException {
		CertificateView view = RenderingFixtures.certificate("36010020190000135", "司马喆", 19);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out),
				"certificate-19-rows.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			// holder page + notes + 8 + 8 + 3 rows
			assertThat(document.getNumberOfPages()).isEqualTo(5);
			String first = RenderingFixtures.flatText(document, 3);
			assertThat(first).contains("继续教育学习登记", "司马喆", "起止时间", "项目名称", "学习内容", "学习形式", "公需", "专业", "考试考核成绩",
					"继续教育成果", "登记单位（盖章）", "验证单位（盖章）");
			assertThat(first).contains("2019.01.05", "急危重症救治新进展第2期", "面授培训", "远程教育", "7.5", "结业证书", "合格");
			assertThat(first).contains("南昌市专业技术人员继续教育基地（南昌大学）", "南昌市人力资源和社会保障局2020.01.15");
			String last = RenderingFixtures.flatText(document, 5);
			assertThat(last).contains("急危重症救治新进展第18期").doesNotContain("急危重症救治新进展第2期", "本证登记已满");
		}
	}

	@Test
	void severalCertificatesShareOneFileWithTheirPageSpans() throws IOException {
		List<CertificateView> views = List.of(RenderingFixtures.certificate("36010020190000143", "王芳", 2),
				RenderingFixtures.certificate("36010020190000151", "上官珺", 9),
				RenderingFixtures.certificate("36010020190000160", "赵赟", 0));
		RenderResult[] result = new RenderResult[1];
		byte[] pdf = RenderingFixtures.bytes((out) -> result[0] = this.renderer.render(views, out),
				"certificates-3.pdf");

		assertThat(result[0].documents()).containsExactly(new RenderedDocument("36010020190000143", 1, 3),
				new RenderedDocument("36010020190000151", 4, 7), new RenderedDocument("36010020190000160", 8, 10));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(result[0].pageCount()).isEqualTo(10);
			assertThat(RenderingFixtures.text(document, 4)).contains("上官珺");
			assertThat(RenderingFixtures.text(document, 10)).contains("赵赟", "36010020190000160");
		}
	}

	@Test
	void aBookletWhoseRowsFillItsPagesIsMarkedFullAndOneMoreRowIsRefused() throws IOException {
		CertificateRenderer twoPages = RenderingFixtures.certificateRenderer(new RenderingProperties(2, 15, Map.of()));
		CertificateView full = RenderingFixtures.certificate("36010020190000186", "刘洋", 16);
		byte[] pdf = RenderingFixtures.bytes((out) -> twoPages.render(List.of(full), out), "certificate-full.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(4);
			assertThat(RenderingFixtures.flatText(document, 4)).contains("本证登记已满，请持证到发证机关换发新证（第十八条）");
			assertThat(RenderingFixtures.flatText(document, 3)).doesNotContain("本证登记已满");
		}
		CertificateView overflowing = RenderingFixtures.certificate("36010020190000194", "刘洋", 17);
		UnprintableRecordException refused = catchThrowableOfType(UnprintableRecordException.class,
				() -> twoPages.render(List.of(overflowing), OutputStream.nullOutputStream()));
		assertThat(refused.field()).isEqualTo("登记记录");
		assertThat(refused.getMessage()).contains("36010020190000194", "共 17 条", "容量 16 条", "第十八条");
	}

	@Test
	void idNumbersAreMaskedWhenTheHolderAsks() throws IOException {
		CertificateView view = RenderingFixtures.certificate("36010020190000208", "欧阳堃", 1);
		RenderOptions masked = new RenderOptions(Stock.FULL, true, Calibration.NONE);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), masked, out),
				"certificate-masked.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(RenderingFixtures.text(document, 1)).contains("3601**********0521")
				.doesNotContain("360102198506150521");
		}
	}

	@Test
	void preprintedStockGetsTheDataAloneAtTheSamePlacesShiftedByThePrintersCalibration() throws IOException {
		CertificateView view = RenderingFixtures.certificate("36010020190000216", "欧阳堃", 3);
		RenderOptions preprinted = new RenderOptions(Stock.PREPRINTED, false, new Calibration(2, -1));
		byte[] full = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out),
				"certificate-full-stock.pdf");
		byte[] data = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), preprinted, out),
				"certificate-preprinted.pdf");

		try (PDDocument fullStock = Loader.loadPDF(full); PDDocument dataOnly = Loader.loadPDF(data)) {
			// no notes page: the booklet has it printed
			assertThat(dataOnly.getNumberOfPages()).isEqualTo(2);
			String holder = RenderingFixtures.flatText(dataOnly, 1);
			assertThat(holder).contains("欧阳堃", "360102198506150521", "36010020190000216")
				.doesNotContain("江西省专业技术人员继续教育证书", "姓名", "身份证件号码", "照片");
			assertThat(RenderingFixtures.flatText(dataOnly, 2)).contains("急危重症救治新进展第2期")
				.doesNotContain("起止时间", "项目名称", "继续教育学习登记");

			Rectangle2D.Float onFullStock = PdfProbe.find(fullStock, 1, "欧阳堃").get(0);
			Rectangle2D.Float onBooklet = PdfProbe.find(dataOnly, 1, "欧阳堃").get(0);
			double right = 2 * Calibration.POINTS_PER_MM;
			double down = -1 * Calibration.POINTS_PER_MM;
			assertThat((double) (onBooklet.x - onFullStock.x)).isCloseTo(right, within(0.05));
			assertThat((double) (onBooklet.y - onFullStock.y)).isCloseTo(down, within(0.05));
		}
	}

	@Test
	void namesWithExtensionBCharactersPrintInTheFallbackFont() throws IOException {
		// 𠀾 U+2003E and 𪚥 U+2A6A5 are in CJK Extension B, which Noto Serif SC lacks
		CertificateView view = RenderingFixtures.certificate("36010020190000224", "王𪚥𠀾", 1);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out),
				"certificate-extension-b.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(RenderingFixtures.flatText(document, 1)).contains("王𪚥𠀾");
			assertThat(RenderingFixtures.flatText(document, 3)).contains("王𪚥𠀾");
			List<String> fonts = RenderingFixtures.fontNames(document, 0);
			assertThat(fonts).anyMatch((name) -> name.endsWith("+HanaMinB"))
				.anyMatch((name) -> name.contains("NotoSerifSC"));
		}
		RenderingFixtures.assertFontsEmbeddedAndSubset(pdf);
	}

}
