package org.ceprint.rendering;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ceprint.authenticity.QrCodeReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Certificates rendered from views, checked in the PDF: fields as extracted text, page
 * layout, fonts, and the QR code read back from a 150 dpi raster.
 */
@SpringBootTest(classes = { CertificateRenderer.class, TemplateCache.class, GlyphCoverage.class })
class CertificateRendererTests {

	@Autowired
	CertificateRenderer renderer;

	@Test
	void holderPageCarriesEveryFieldAndAReadableQrCode() throws IOException {
		CertificateView view = RenderingFixtures.certificate("36010020190000127", "欧阳堃", 3);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out), "certificate.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			PDRectangle a5 = document.getPage(0).getMediaBox();
			assertThat(a5.getWidth()).isEqualTo(420f);
			assertThat(a5.getHeight()).isEqualTo(595f);
			String holder = RenderingFixtures.text(document, 1);
			assertThat(holder).contains("江西省专业技术人员继续教育证书", "欧阳堃", "男", "1985年06月15日", "360102198506150521", "南昌市第一人民医院",
					"主治医师（中级）", "临床医学", "36010020190000127", "南昌市人力资源和社会保障局", "2019年03月01日");
			var page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			assertThat(QrCodeReader.decode(page)).hasValue("http://localhost:8080/v/c/36010020190000127");
		}
		RenderingFixtures.assertFontsEmbeddedAndSubset(pdf);
	}

	@Test
	void registrationRowsCarryEveryFieldOfArticleNineAndContinueOverPages() throws IOException {
		CertificateView view = RenderingFixtures.certificate("36010020190000135", "司马喆", 19);
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out),
				"certificate-19-rows.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			// holder page + 8 + 8 + 3 rows
			assertThat(document.getNumberOfPages()).isEqualTo(4);
			String first = RenderingFixtures.flatText(document, 2);
			assertThat(first).contains("继续教育学习登记", "司马喆", "起止时间", "项目名称", "学习内容", "学习形式", "公需", "专业", "考试考核成绩",
					"继续教育成果", "验证单位（盖章）");
			assertThat(first).contains("2019.01.05", "急危重症救治新进展第2期", "面授培训", "远程教育", "7.5", "结业证书", "合格");
			assertThat(first).contains("南昌市专业技术人员继续教育基地（南昌大学）", "南昌市人力资源和社会保障局2019.02.04");
			String last = RenderingFixtures.flatText(document, 4);
			assertThat(last).contains("急危重症救治新进展第18期").doesNotContain("急危重症救治新进展第2期");
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

		assertThat(result[0].documents()).containsExactly(new RenderedDocument("36010020190000143", 1, 2),
				new RenderedDocument("36010020190000151", 3, 5), new RenderedDocument("36010020190000160", 6, 7));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(result[0].pageCount()).isEqualTo(7);
			assertThat(RenderingFixtures.text(document, 3)).contains("上官珺");
			assertThat(RenderingFixtures.text(document, 6)).contains("赵赟", "36010020190000160");
		}
	}

	@Test
	void aNameWithACharacterNoFontHasIsRefusedWithTheFieldNamed() {
		// U+2A6A5 𪚥 (CJK Extension B) is not in Noto Serif SC
		CertificateView view = RenderingFixtures.certificate("36010020190000178", "王𪚥", 1);
		UnprintableRecordException refused = catchThrowableOfType(UnprintableRecordException.class,
				() -> this.renderer.render(List.of(view), java.io.OutputStream.nullOutputStream()));

		assertThat(refused.documentNo()).isEqualTo("36010020190000178");
		assertThat(refused.field()).isEqualTo("姓名");
		assertThat(refused.getMessage()).contains("36010020190000178", "「姓名」", "𪚥", "U+2A6A5");
	}

}
