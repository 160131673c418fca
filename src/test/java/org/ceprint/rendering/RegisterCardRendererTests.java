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

import static org.assertj.core.api.Assertions.assertThat;

class RegisterCardRendererTests {

	final RegisterCardRenderer renderer = RenderingFixtures.registerCardRenderer();

	@Test
	void cardCarriesHolderDataOneLinePerYearAndAReadableQrCode() throws IOException {
		RegisterCardView view = RenderingFixtures.registerCard("36010020200000311", "诸葛淼");
		byte[] pdf = RenderingFixtures.bytes((out) -> this.renderer.render(List.of(view), out), "register-card.pdf");

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			PDRectangle a4 = document.getPage(0).getMediaBox();
			assertThat(a4.getWidth()).isEqualTo(595f);
			assertThat(a4.getHeight()).isEqualTo(842f);
			String text = RenderingFixtures.flatText(document, 1);
			assertThat(text).contains("江西省专业技术人员继续教育登记卡", "诸葛淼", "女", "1990年03月07日", "360102199003071236", "南昌市第一人民医院",
					"主管护师（中级）", "护理学", "36010020200000311");
			assertThat(text).contains("年度", "公需学时", "专业学时", "合计", "主要学习项目", "验证情况", "年度考核结果");
			assertThat(text).contains("2022123648", "已验证4项合格", "不合格（差16学时）", "2024000", "年度未结束");
			assertThat(text).contains("登记人（签名）", "单位（盖章）");
			var page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
			assertThat(QrCodeReader.decode(page)).hasValue("http://localhost:8080/v/k/36010020200000311");
		}
		RenderingFixtures.assertFontsEmbeddedAndSubset(pdf);
	}

}
