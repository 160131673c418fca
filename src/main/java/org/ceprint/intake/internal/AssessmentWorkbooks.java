package org.ceprint.intake.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.ceprint.hours.AnnualAssessment;
import org.ceprint.hours.AnnualAssessments;
import org.ceprint.intake.IntakeExports;
import org.ceprint.intake.SummaryTableWorkbooks;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.Holder;
import org.ceprint.registry.PersonDossier;
import org.ceprint.registry.PersonDossiers;

import static org.ceprint.intake.internal.ExportCells.headings;
import static org.ceprint.intake.internal.ExportCells.number;
import static org.ceprint.intake.internal.ExportCells.text;
import static org.ceprint.intake.internal.ExportCells.widths;

/**
 * The workbook of annual assessment results (第十五条): one row a person, then a sheet of
 * totals by unit. People are read 500 at a time and rows streamed (a window of 200 rows
 * in memory), so that a city of 100,000 people fits.
 */
public final class AssessmentWorkbooks {

	public static final String ASSESSMENT_SHEET = "年度考核结果";

	public static final String TOTALS_SHEET = "按单位汇总";

	static final List<String> ASSESSMENT_HEADINGS = List.of("序号", "单位", "姓名", "身份证件号码", "职称级别", "应完成学时", "公需科目学时",
			"专业科目学时", "计入学时", "差额学时", "考核结果", "待验证项数");

	private static final int CHUNK = 500;

	private final PersonDossiers people;

	private final AnnualAssessments assessments;

	public AssessmentWorkbooks(PersonDossiers people, AnnualAssessments assessments) {
		this.people = people;
		this.assessments = assessments;
	}

	/**
	 * @param title the first row
	 * @param note the second row: the rule set and what is counted
	 * @param ended whether the year has ended; if not, no one has passed or failed yet
	 */
	public IntakeExports.Written write(List<Long> personIds, int year, boolean ended, String title, String note,
			OutputStream out) throws IOException {
		Map<String, int[]> totals = new LinkedHashMap<>();
		int passed = 0;
		int failed = 0;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = SummaryTableWorkbooks.bold(workbook);
			Sheet sheet = workbook.createSheet(ASSESSMENT_SHEET);
			sheet.createRow(0).createCell(0).setCellValue(title);
			sheet.getRow(0).getCell(0).setCellStyle(bold);
			sheet.createRow(1).createCell(0).setCellValue(note);
			headings(sheet, bold, ASSESSMENT_HEADINGS, 2);
			sheet.createFreezePane(0, 3);
			int index = 3;
			for (int from = 0; from < personIds.size(); from += CHUNK) {
				for (PersonDossier dossier : this.people
					.findByPersonIds(personIds.subList(from, Math.min(personIds.size(), from + CHUNK)), true)) {
					Holder holder = dossier.holder();
					AnnualAssessment result = this.assessments.assess(holder.titleLevel(), year, dossier.entries());
					writeRow(sheet.createRow(index), index - 2, dossier, result, year, ended);
					index++;
					int[] unitTotals = totals.computeIfAbsent(holder.unitName(), (name) -> new int[3]);
					unitTotals[0]++;
					if (ended && result.passed()) {
						unitTotals[1]++;
						passed++;
					}
					else if (ended) {
						unitTotals[2]++;
						failed++;
					}
				}
			}
			widths(sheet, 6, 30, 10, 22, 10, 12, 12, 12, 10, 10, 22, 12);
			writeTotals(workbook.createSheet(TOTALS_SHEET), bold, totals, ended);
			workbook.write(out);
		}
		return new IntakeExports.Written(personIds.size(), 2, passed, failed);
	}

	private static void writeRow(Row row, int number, PersonDossier dossier, AnnualAssessment result, int year,
			boolean ended) {
		Holder holder = dossier.holder();
		long pending = dossier.entries()
			.stream()
			.filter((entry) -> entry.startDate().getYear() == year && entry.status() == EntryStatus.PENDING)
			.count();
		row.createCell(0).setCellValue(number);
		text(row, 1, holder.unitName());
		text(row, 2, holder.name());
		text(row, 3, holder.idNumber());
		text(row, 4, holder.titleLevel().label());
		number(row, 5, result.requiredHours());
		number(row, 6, result.publicHours());
		number(row, 7, result.professionalHours());
		number(row, 8, result.countedHours());
		number(row, 9, result.shortfall());
		text(row, 10, ended ? result.label() : "年度未结束");
		row.createCell(11).setCellValue(pending);
	}

	private static void writeTotals(Sheet sheet, CellStyle bold, Map<String, int[]> totals, boolean ended) {
		headings(sheet, bold, List.of("单位", "人数", "合格", "不合格", "合格率"), 0);
		int index = 1;
		for (Map.Entry<String, int[]> unit : totals.entrySet()) {
			Row row = sheet.createRow(index++);
			text(row, 0, unit.getKey());
			int[] counts = unit.getValue();
			row.createCell(1).setCellValue(counts[0]);
			if (ended) {
				row.createCell(2).setCellValue(counts[1]);
				row.createCell(3).setCellValue(counts[2]);
				text(row, 4, (counts[0] == 0) ? "" : "%.1f%%".formatted(100.0 * counts[1] / counts[0]));
			}
			else {
				text(row, 2, "年度未结束");
			}
		}
		widths(sheet, 30, 8, 8, 8, 10);
	}

}
