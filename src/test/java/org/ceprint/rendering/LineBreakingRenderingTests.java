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
 * 避头尾 in real templates: texts whose natural breaks used to fall before 「）」 or 「：」 are
 * filled and exported, and every printed line read back from the PDF follows the rule.
 */
class LineBreakingRenderingTests {

	/** Project names of the demo that printed a lone 「）」 or a line starting with 「：」. */
	private static final List<String> PROJECTS = List.of("信息技术与学科教学融合（有计划自学）", "赴省级单位进修（临床医学）", "公需科目：专业技术人员职业道德培训班",
			"公需科目：数字经济与创新驱动发展网络课程", "急危重症救治新进展（第二期）：院感防控", "学科前沿（二）、课程思政（三）");

	@Test
	void certificateRegistrationsBreakNoLineBeforeClosingPunctuation() throws IOException {
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
		assertFollowsRule(pdf);
	}

	private static void assertFollowsRule(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PrintedLines.Line> lines = PrintedLines.of(document);
			assertThat(lines).hasSizeGreaterThan(100);
			assertThat(lines).filteredOn((line) -> LineBreakRule.violatedBy(line.text())).isEmpty();
		}
	}

}
