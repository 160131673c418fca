package org.ceprint.rendering;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ceprint.rendering.RenderOptions.Stock;

import org.springframework.stereotype.Component;

/**
 * Sample documents of every kind for a fictional holder, written as PDFs and, on request,
 * one PNG preview page each: the previews under docs/, and a test print to calibrate a
 * printer against the pre-printed booklets.
 */
@Component
public class SampleDocuments {

	/**
	 * A QR content as long as a real signed one (197 characters, alphanumeric mode), so
	 * that samples show the code at its real density; scanned, it reads as not genuine.
	 */
	static final String SAMPLE_QR = "HTTP://LOCALHOST:8080/V/" + "SAMPLE2NOT3GENUINE4".repeat(10).substring(0, 173);

	static final String NUMBER = "36010020190000127";

	static final String OFFICE = "南昌市人力资源和社会保障局";

	static final String UNIT = "南昌市第一人民医院";

	static final String CREDIT_CODE = "12360100491012345U";

	/**
	 * A batch number of the real form, the submitter's credit code, the year and the
	 * year's sequence (as the submission module makes them).
	 */
	static final String BATCH_NO = CREDIT_CODE + "-2025-01";

	/**
	 * Nanchang's certificates of 2019 with serials 127 to 135, check characters included.
	 */
	private static final String[] CERTIFICATE_NUMBERS = { "36010020190001276", "36010020190001284", "36010020190001292",
			"36010020190001305", "36010020190001313", "36010020190001321", "3601002019000133X", "36010020190001348",
			"36010020190001356" };

	private static final String[] NAMES = { "欧阳堃", "张喆", "李珺", "王赟", "刘燚", "陈犇", "杨淼", "赵垚", "司马婷" };

	private final CertificateRenderer certificates;

	private final SealOverlayRenderer overlays;

	private final RegisterCardRenderer registerCards;

	private final SummaryTableRenderer summaryTables;

	private final DistributionSlipRenderer distributionSlips;

	private final ReturnSlipRenderer returnSlips;

	SampleDocuments(CertificateRenderer certificates, SealOverlayRenderer overlays, RegisterCardRenderer registerCards,
			SummaryTableRenderer summaryTables, DistributionSlipRenderer distributionSlips,
			ReturnSlipRenderer returnSlips) {
		this.certificates = certificates;
		this.overlays = overlays;
		this.registerCards = registerCards;
		this.summaryTables = summaryTables;
		this.distributionSlips = distributionSlips;
		this.returnSlips = returnSlips;
	}

	/**
	 * Writes the samples into {@code folder}.
	 * @param previewDpi resolution of the PNG previews; 0 for none
	 * @return the files written
	 */
	public List<Path> write(Path folder, int previewDpi, Calibration calibration) {
		List<Path> written = new ArrayList<>();
		try {
			Files.createDirectories(folder);
			CertificateView certificate = certificate();
			RenderOptions full = RenderOptions.FULL_STOCK;
			RenderOptions preprinted = new RenderOptions(Stock.PREPRINTED, false, calibration);
			write(folder, "certificate", previewDpi, written,
					(out) -> this.certificates.render(List.of(certificate), full, out), 1, 3);
			write(folder, "certificate-preprinted", previewDpi, written,
					(out) -> this.certificates.render(List.of(certificate), preprinted, out), 1, 2);
			write(folder, "seal-overlay", previewDpi, written,
					(out) -> this.overlays.render(List.of(withLastYearUnsealed(certificate)), preprinted, out), 1);
			write(folder, "register-card", previewDpi, written,
					(out) -> this.registerCards.render(List.of(registerCard()), full, out), 1);
			write(folder, "summary-table", previewDpi, written,
					(out) -> this.summaryTables.render(List.of(summaryTable()), full, out), 1);
			write(folder, "distribution-slip", previewDpi, written,
					(out) -> this.distributionSlips.render(List.of(distributionSlip()), full, out), 1);
			write(folder, "return-slip", previewDpi, written,
					(out) -> this.returnSlips.render(List.of(returnSlip()), full, out), 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("样张写入失败：" + folder, ex);
		}
		return written;
	}

	private static void write(Path folder, String name, int previewDpi, List<Path> written,
			Consumer<OutputStream> render, int... previewPages) throws IOException {
		Path pdf = folder.resolve(name + ".pdf");
		try (OutputStream out = Files.newOutputStream(pdf)) {
			render.accept(out);
		}
		written.add(pdf);
		if (previewDpi <= 0) {
			return;
		}
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int page : previewPages) {
				Path png = folder.resolve((previewPages.length == 1) ? name + ".png" : name + "-" + page + ".png");
				ImageIO.write(renderer.renderImageWithDPI(page - 1, previewDpi, ImageType.RGB), "png", png.toFile());
				written.add(png);
			}
		}
	}

	static CertificateView certificate() {
		String[][] courses = { { "公需科目：数字经济与创新驱动发展", "数字经济政策与实践", "远程教育" }, { "急危重症救治新进展培训班", "急危重症救治与护理", "面授培训" },
				{ "全省医学影像学术年会", "学术交流与专题报告", "学术会议" }, { "公需科目：专业技术人员职业道德", "职业道德与诚信建设", "远程教育" },
				{ "临床合理用药专题培训", "合理用药与处方点评", "面授培训" }, { "发表专业论文", "业绩成果折算学时", "业绩成果" },
				{ "公需科目：法治政府建设", "依法行政与法治素养", "远程教育" }, { "院内感染防控规范培训", "院感防控规范", "面授培训" },
				{ "住院医师规范化培训带教", "临床带教方法", "面授培训" }, { "心血管疾病诊疗进展研讨会", "学术交流与专题报告", "学术会议" } };
		List<RegistrationRow> rows = new ArrayList<>();
		for (int i = 0; i < courses.length; i++) {
			int year = 2021 + i / 4;
			LocalDate start = LocalDate.of(year, 3 + (i % 4) * 2, 6 + i);
			boolean isPublic = courses[i][0].startsWith("公需");
			BigDecimal hours = isPublic ? new BigDecimal("12") : new BigDecimal((i % 3 == 0) ? "7.5" : "24");
			boolean verified = year < 2023;
			rows.add(new RegistrationRow(start, start.plusDays(isPublic ? 0 : 2), courses[i][0], courses[i][1],
					courses[i][2], isPublic ? hours : null, isPublic ? null : hours, "合格",
					courses[i][0].startsWith("发表") ? "论文发表于省级期刊" : (i % 4 == 1) ? "结业证书" : null,
					isPublic ? "江西省专业技术人员继续教育基地（江西省人事考试中心）" : "南昌市第一人民医院", verified ? OFFICE : null,
					verified ? LocalDate.of(year + 1, 1, 15) : null, verified ? LocalDate.of(year + 1, 1, 20) : null));
		}
		return new CertificateView(NUMBER, "欧阳堃", "男", LocalDate.of(1985, 6, 15), "360102198506150521", "南昌市第一人民医院",
				"中级", "主治医师", "临床医学", OFFICE, LocalDate.of(2019, 3, 1), SAMPLE_QR, rows);
	}

	/** The same booklet before its last verified year was stamped. */
	static CertificateView withLastYearUnsealed(CertificateView view) {
		List<RegistrationRow> rows = view.rows()
			.stream()
			.map((row) -> (row.startDate().getYear() == 2022) ? new RegistrationRow(row.startDate(), row.endDate(),
					row.projectName(), row.content(), row.learningForm(), row.publicHours(), row.professionalHours(),
					row.result(), row.outcome(), row.registeredBy(), row.verifiedBy(), row.verifiedOn(), null) : row)
			.toList();
		return new CertificateView(view.certificateNo(), view.holderName(), view.sex(), view.birthDate(),
				view.idNumber(), view.unitName(), view.titleLevel(), view.titleName(), view.specialty(),
				view.issuingAuthority(), view.issueDate(), view.qrContent(), rows);
	}

	static RegisterCardView registerCard() {
		List<RegisterCardYear> years = List.of(
				new RegisterCardYear(2021, new BigDecimal("24"), new BigDecimal("55.5"), new BigDecimal("79.5"),
						"急危重症救治新进展培训班、全省医学影像学术年会", "已验证 4 项", "合格"),
				new RegisterCardYear(2022, new BigDecimal("12"), new BigDecimal("24"), new BigDecimal("36"),
						"临床合理用药专题培训、发表专业论文", "已验证 4 项", "不合格（差 4 学时）"),
				new RegisterCardYear(2023, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "", "待验证 2 项", "年度未结束"));
		return new RegisterCardView(NUMBER, "欧阳堃", "男", LocalDate.of(1985, 6, 15), "360102198506150521", "南昌市第一人民医院",
				"中级", "主治医师", "临床医学", SAMPLE_QR, years);
	}

	static SummaryTableView summaryTable() {
		List<SummaryTableRow> rows = new ArrayList<>();
		for (int i = 0; i < NAMES.length; i++) {
			boolean isPublic = i % 4 == 0;
			rows.add(new SummaryTableRow(i + 1, NAMES[i], "3601021985061505" + String.format("%02d", i), number(i),
					"南昌市第一人民医院", "主治医师", isPublic ? "公需科目：数字经济与创新驱动发展" : "急危重症救治新进展培训班", isPublic ? "远程教育" : "面授培训",
					LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 3),
					isPublic ? new BigDecimal("12") : BigDecimal.ZERO,
					isPublic ? BigDecimal.ZERO : new BigDecimal("24"), "合格"));
		}
		return new SummaryTableView(BATCH_NO, UNIT, CREDIT_CODE, "南昌市卫生健康委员会", OFFICE, LocalDate.of(2025, 12, 1),
				SAMPLE_QR, rows);
	}

	/** The certificates of a print run handed to the unit of the sample holders. */
	static DistributionSlipView distributionSlip() {
		List<DistributionSlipView.Line> lines = new ArrayList<>();
		for (int i = 0; i < NAMES.length; i++) {
			lines.add(new DistributionSlipView.Line(number(i), NAMES[i], "certificates-360100-0001.pdf", 1 + 4 * i,
					4 + 4 * i));
		}
		return new DistributionSlipView("继续教育证书", "证书编号", UNIT, "2025-12-01-all-documents-city360100-1",
				LocalDate.of(2025, 12, 1), lines);
	}

	/** The entries of the sample summary table that the HRSS office did not verify. */
	static ReturnSlipView returnSlip() {
		LocalDate start = LocalDate.of(2025, 4, 1);
		return new ReturnSlipView(BATCH_NO, UNIT, OFFICE, LocalDate.of(2026, 1, 10), NAMES.length, SAMPLE_QR,
				List.of(new ReturnSlipView.Line(3, NAMES[2], number(2), "急危重症救治新进展培训班", start, start.plusDays(2),
						new BigDecimal("24"), "缺少证明材料：未附结业证书"),
						new ReturnSlipView.Line(7, NAMES[6], number(6), "急危重症救治新进展培训班", start, start.plusDays(2),
								new BigDecimal("24"), "与已验证的登记重复")));
	}

	private static String number(int i) {
		return CERTIFICATE_NUMBERS[i];
	}

}
