package org.ceprint.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

import org.ceprint.rendering.internal.TemplateCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views and PDF checks shared by the rendering tests. Rendered files are kept under
 * target/rendering/ so that a person can look at them.
 */
final class RenderingFixtures {

	static final Path OUTPUT = Path.of("target", "rendering");

	private RenderingFixtures() {
	}

	/**
	 * Renderers are built once for all rendering tests: the fonts take a while to load.
	 */
	private static final class Shared {

		static final TemplateCache TEMPLATES = new TemplateCache();

		static final GlyphCoverage COVERAGE = new GlyphCoverage();

	}

	static CertificateRenderer certificateRenderer() {
		return certificateRenderer(RenderingProperties.DEFAULTS);
	}

	static CertificateRenderer certificateRenderer(RenderingProperties properties) {
		return new CertificateRenderer(Shared.TEMPLATES, Shared.COVERAGE, properties);
	}

	static SealOverlayRenderer sealOverlayRenderer() {
		return new SealOverlayRenderer(Shared.TEMPLATES, Shared.COVERAGE, RenderingProperties.DEFAULTS);
	}

	static RegisterCardRenderer registerCardRenderer() {
		return new RegisterCardRenderer(Shared.TEMPLATES, Shared.COVERAGE, RenderingProperties.DEFAULTS);
	}

	static SummaryTableRenderer summaryTableRenderer() {
		return new SummaryTableRenderer(Shared.TEMPLATES, Shared.COVERAGE, RenderingProperties.DEFAULTS);
	}

	static DistributionSlipRenderer distributionSlipRenderer() {
		return new DistributionSlipRenderer(Shared.TEMPLATES, Shared.COVERAGE, RenderingProperties.DEFAULTS);
	}

	static ReturnSlipRenderer returnSlipRenderer() {
		return new ReturnSlipRenderer(Shared.TEMPLATES, Shared.COVERAGE, RenderingProperties.DEFAULTS);
	}

	static TemplateCache templates() {
		return Shared.TEMPLATES;
	}

	static GlyphCoverage coverage() {
		return Shared.COVERAGE;
	}

	static CertificateView certificate(String number, String name, int rows) {
		return certificate(number, name, rows, "http://localhost:8080/v/c/" + number);
	}

	static CertificateView certificate(String number, String name, int rows, String qrContent) {
		List<RegistrationRow> registrations = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			LocalDate start = LocalDate.of(2019 + i / 4, 1 + (i % 4) * 3, 5 + i % 7);
			boolean verified = start.getYear() < 2024;
			boolean isPublic = i % 3 == 0;
			registrations.add(new RegistrationRow(start, start.plusDays(i % 4),
					isPublic ? "公需科目：数字经济与创新驱动发展培训班" : "急危重症救治新进展第" + (i + 1) + "期", "急危重症救治与护理",
					(i % 2 == 0) ? "面授培训" : "远程教育", isPublic ? new BigDecimal("8") : null,
					isPublic ? null : new BigDecimal(i % 5 == 0 ? "7.5" : "24"), "合格", (i % 4 == 0) ? "结业证书" : null,
					"南昌市专业技术人员继续教育基地（南昌大学）", verified ? "南昌市人力资源和社会保障局" : null,
					verified ? LocalDate.of(start.getYear() + 1, 1, 15) : null, null));
		}
		return new CertificateView(number, name, "男", LocalDate.of(1985, 6, 15), "360102198506150521", "南昌市第一人民医院",
				"中级", "主治医师", "临床医学", "南昌市人力资源和社会保障局", LocalDate.of(2019, 3, 1), qrContent, registrations);
	}

	static RegisterCardView registerCard(String number, String name) {
		List<RegisterCardYear> years = List.of(
				new RegisterCardYear(2022, new BigDecimal("12"), new BigDecimal("36"), new BigDecimal("48"),
						"急危重症救治新进展、院感防控规范", "已验证 4 项", "合格"),
				new RegisterCardYear(2023, new BigDecimal("8"), new BigDecimal("16"), new BigDecimal("24"), "合理用药与处方点评",
						"已验证 2 项", "不合格（差 16 学时）"),
				new RegisterCardYear(2024, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", "待验证 3 项", "年度未结束"));
		return new RegisterCardView(number, name, "女", LocalDate.of(1990, 3, 7), "360102199003071236", "南昌市第一人民医院",
				"中级", "主管护师", "护理学", "http://localhost:8080/v/k/" + number, years);
	}

	static SummaryTableView summaryTable(String batchNo, int rows) {
		List<SummaryTableRow> entries = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			entries.add(new SummaryTableRow(i, (i == 2) ? "欧阳堃" : "张喆" + i, "36010219900307123" + (i % 10),
					"3601002024000" + String.format("%03d", i) + "2", "南昌市第一人民医院", "主治医师", "急危重症救治新进展培训班", "面授培训",
					LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 3),
					(i % 3 == 0) ? new BigDecimal("8") : BigDecimal.ZERO,
					(i % 3 == 0) ? BigDecimal.ZERO : new BigDecimal("24"), "合格"));
		}
		return new SummaryTableView(batchNo, "南昌市第一人民医院", "12360100491012345U", "南昌市卫生健康委员会", "南昌市人力资源和社会保障局",
				LocalDate.of(2025, 12, 1), "http://localhost:8080/v/s/" + batchNo, entries);
	}

	static byte[] bytes(java.util.function.Consumer<ByteArrayOutputStream> render, String keepAs) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		render.accept(out);
		Files.createDirectories(OUTPUT);
		Files.write(OUTPUT.resolve(keepAs), out.toByteArray());
		return out.toByteArray();
	}

	static String text(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	/**
	 * A page's text without white space: table cells wrap their text over several lines.
	 */
	static String flatText(PDDocument document, int page) throws IOException {
		return flat(text(document, page));
	}

	/** Drops all white space, the ideographic space U+3000 included. */
	static String flat(String text) {
		return text.replaceAll("(?U)\\s", "");
	}

	/** The base fonts used on a 0-based page. */
	static List<String> fontNames(PDDocument document, int page) throws IOException {
		List<String> names = new ArrayList<>();
		var resources = document.getPage(page).getResources();
		for (var name : resources.getFontNames()) {
			names.add(resources.getFont(name).getName());
		}
		return names;
	}

	/**
	 * Every font on every page is embedded and subset (a six-letter tag before the name).
	 */
	static void assertFontsEmbeddedAndSubset(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int fonts = 0;
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.*");
					fonts++;
				}
			}
			assertThat(fonts).isPositive();
		}
	}

}
