package org.ceprint.rendering;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 避头尾 in real templates: texts of the demo whose lines used to start with 「：」, 「、」 or a
 * lone 「）」 are filled and exported, and every printed line read back from the PDF follows
 * the rule, each text printed whole.
 */
class LineBreakingRenderingTests {

	private static final List<String> PROJECTS = List.of("信息技术与学科教学融合（有计划自学）", "赴省级单位进修（临床医学）", "公需科目：专业技术人员职业道德培训班",
			"公需科目：数字经济与创新驱动发展网络课程", "急危重症救治新进展（第二期）：院感防控", "学科前沿（二）、课程思政（三）");

	@Test
	void certificateRegistrationsFollowTheRule() throws IOException {
		CertificateView base = RenderingFixtures.certificate("360100202400010", "张三", 0);
		List<RegistrationRow> rows = new ArrayList<>();
		for (String project : PROJECTS) {
			for (String office : List.of("南昌市专业技术人员继续教育基地（南昌大学）", "江西省专业技术人员继续教育基地（江西师范大学）")) {
				rows.add(new RegistrationRow(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 6, 30), project, project,
						"有计划自学", null, new BigDecimal("12"), "合格（优秀）", "结业证书（省级）", office, "南昌市人力资源和社会保障局（验证）",
						LocalDate.of(2024, 1, 15), null));
			}
		}
		CertificateView view = new CertificateView(base.certificateNo(), base.holderName(), base.sex(),
				base.birthDate(), base.idNumber(), base.unitName(), base.titleLevel(), base.titleName(),
				base.specialty(), base.issuingAuthority(), base.issueDate(), base.qrContent(), rows, null);
		byte[] pdf = RenderingFixtures.bytes(
				(out) -> RenderingFixtures.certificateRenderer().render(List.of(view), out),
				"line-breaking-certificate.pdf");
		assertFollowsRule(pdf, PROJECTS);
	}

	@Test
	void registerCardFollowsTheRule() throws IOException {
		RegisterCardView base = RenderingFixtures.registerCard("360100202400011", "李四");
		// main items of two demo register cards, which printed lines starting with 「、」
		// and 「：」
		List<String> items = List.of("公需科目：人工智能与新质生产力培训班、公需科目：人工智能与新质生产力培训班",
				"临床医学在职研究生课程学习、公需科目：专业技术人员职业道德与诚信建设网络课程、医院感染防控规范培训班", "院感防控规范（第二期）、合理用药与处方点评（有计划自学）；公需科目：法治政府建设专题网络课程");
		List<RegisterCardYear> years = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			years.add(new RegisterCardYear(2021 + i, new BigDecimal("24"), new BigDecimal("66"), new BigDecimal("90"),
					items.get(i), "已验证 4 项（南昌市）", "合格（第 " + (i + 1) + " 年）"));
		}
		RegisterCardView view = new RegisterCardView(base.certificateNo(), base.holderName(), base.sex(),
				base.birthDate(), base.idNumber(), base.unitName(), base.titleLevel(), base.titleName(),
				base.specialty(), base.qrContent(), years);
		byte[] pdf = RenderingFixtures.bytes(
				(out) -> RenderingFixtures.registerCardRenderer().render(List.of(view), out),
				"line-breaking-register-card.pdf");
		assertFollowsRule(pdf, items);
	}

	/**
	 * No line breaks the rule, and each text is printed whole, its lines one after
	 * another.
	 */
	private static void assertFollowsRule(byte[] pdf, List<String> texts) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PrintedLines.Line> lines = PrintedLines.of(document);
			assertThat(lines).filteredOn((line) -> LineBreakRule.violatedBy(line.text())).isEmpty();
			String printed = String.join("", lines.stream().map(PrintedLines.Line::text).toList());
			assertThat(texts).allSatisfy((text) -> assertThat(printed).contains(text));
		}
	}

}
