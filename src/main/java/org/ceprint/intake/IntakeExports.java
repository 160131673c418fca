package org.ceprint.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.ceprint.InvalidRequestException;
import org.ceprint.hours.AnnualAssessments;
import org.ceprint.hours.CreditItem;
import org.ceprint.intake.internal.AssessmentWorkbooks;
import org.ceprint.intake.internal.SummaryTableRow;
import org.ceprint.registry.Channel;
import org.ceprint.registry.Channels;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.Holder;
import org.ceprint.registry.Hours;
import org.ceprint.registry.Organisation;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonDossier;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.registry.RegistrationEntry;
import org.ceprint.registry.UniqueRows;

import org.springframework.stereotype.Service;

import static org.ceprint.intake.internal.ExportCells.text;

/**
 * Exports to .xlsx for the offices that work in spreadsheets: a unit's or a city's annual
 * assessment results (第十五条), and its summary tables (登记汇总表) in the layout of the import
 * template, so that a unit can add rows to its exported table and import it again (the
 * rows already registered are recognised and not stored twice). Rows are streamed (a
 * window of 200 rows in memory), and text starting with = + - @ is written as text.
 */
@Service
public class IntakeExports {

	static final String ASSESSMENT_SHEET = AssessmentWorkbooks.ASSESSMENT_SHEET;

	static final String TOTALS_SHEET = AssessmentWorkbooks.TOTALS_SHEET;

	private final Organisations organisations;

	private final Channels channels;

	private final PersonDossiers people;

	private final RegistrationEntries entries;

	private final AnnualAssessments assessments;

	private final Clock clock;

	private final AssessmentWorkbooks assessmentWorkbooks;

	IntakeExports(Organisations organisations, Channels channels, PersonDossiers people, RegistrationEntries entries,
			AnnualAssessments assessments, Clock clock) {
		this.organisations = organisations;
		this.channels = channels;
		this.people = people;
		this.entries = entries;
		this.assessments = assessments;
		this.clock = clock;
		this.assessmentWorkbooks = new AssessmentWorkbooks(people, assessments);
	}

	/**
	 * What an export covers: one unit or base, or every unit and base of a city's
	 * channel. {@code unit} is null for a city.
	 */
	public record Scope(String name, String code, Organisation unit) {

		/** For file names: the code and the name, e.g. 360100-南昌市. */
		public String fileStem() {
			return this.code + "-" + this.name.replaceAll("[\\\\/:*?\"<>|\\s]", "");
		}

	}

	/** What was written: rows, sheets, and for assessments the passed and failed. */
	public record Written(int rows, int sheets, int passed, int failed) {

	}

	/**
	 * @throws InvalidRequestException naming the field and value, in Chinese
	 */
	public Scope unit(String creditCode) {
		Checked code = CreditCodes.check((creditCode != null) ? creditCode : "");
		if (!code.valid()) {
			throw new InvalidRequestException("统一社会信用代码 %s：%s".formatted(creditCode, code.problem()));
		}
		Organisation unit = this.organisations.findByCreditCode(code.value())
			.orElseThrow(() -> new InvalidRequestException("统一社会信用代码 %s：登记库中没有该单位或基地".formatted(code.value())));
		return new Scope(unit.name(), unit.creditCode(), unit);
	}

	/**
	 * @throws InvalidRequestException naming the field and value, in Chinese
	 */
	public Scope city(String channelCode) {
		Checked code = this.channels.check((channelCode != null) ? channelCode : "");
		if (!code.valid()) {
			throw new InvalidRequestException("%s %s：%s".formatted(Channels.FIELD, channelCode, code.problem()));
		}
		Channel channel = this.channels.findAll()
			.stream()
			.filter((candidate) -> candidate.code().equals(code.value()))
			.findFirst()
			.orElseThrow();
		return new Scope(channel.name(), channel.code(), null);
	}

	/**
	 * Writes each person's result for the year, counting verified entries only; a year
	 * not yet ended is marked 年度未结束 with the hours so far.
	 * @throws InvalidRequestException for a year outside 2000 to this year, or a base
	 * (which has no people of its own), in Chinese
	 */
	public Written writeAssessments(Scope scope, int year, OutputStream out) throws IOException {
		checkYear(year);
		if (scope.unit() != null && scope.unit().kind() == Organisation.Kind.BASE) {
			throw new InvalidRequestException("「%s」是继续教育基地，没有本单位人员；年度考核结果请按所在单位或设区市导出".formatted(scope.name()));
		}
		boolean ended = year < Year.now(this.clock).getValue();
		List<Long> ids = (scope.unit() != null) ? this.people.personIdsOfUnit(scope.unit().id())
				: this.people.personIdsOfChannel(scope.code());
		LocalDate today = LocalDate.now(this.clock);
		return this.assessmentWorkbooks.write(ids, year, ended, "%s %d 年度专业技术人员继续教育考核结果".formatted(scope.name(), year),
				"考核规则 %s；只计已验证的登记；%s".formatted(this.assessments.ruleSetFor(year).describe(),
						ended ? "导出于 " + today : "年度未结束，为截至 " + today + " 的暂计学时"),
				out);
	}

	/**
	 * Writes the summary tables of the year: for a unit or base its own table, in the
	 * import template's layout on a sheet named 登记汇总表; for a city one sheet per unit or
	 * base that registered entries that year. Two columns after the template's give each
	 * entry's verification status and the office's reason when it was not passed.
	 */
	public Written writeSummaryTables(Scope scope, int year, OutputStream out) throws IOException {
		checkYear(year);
		List<Organisation> bodies = (scope.unit() != null) ? List.of(scope.unit())
				: this.organisations.findByChannel(scope.code());
		int rows = 0;
		int sheets = 0;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = SummaryTableWorkbooks.bold(workbook);
			Set<String> sheetNames = new HashSet<>();
			for (Organisation body : bodies) {
				List<RegistrationEntry> ofYear = this.entries.findByRegisteringBodyAndYear(body.id(), year);
				if (ofYear.isEmpty() && scope.unit() == null) {
					continue;
				}
				String sheetName = (scope.unit() != null) ? SummaryTableWorkbooks.SHEET : sheetName(body, sheetNames);
				Sheet sheet = workbook.createSheet(sheetName);
				sheets++;
				rows += writeTable(sheet, bold, body, year, ofYear);
			}
			if (sheets == 0) {
				Sheet sheet = workbook.createSheet(SummaryTableWorkbooks.SHEET);
				sheet.createRow(0).createCell(0).setCellValue("%s %d 年没有登记".formatted(scope.name(), year));
				sheets++;
			}
			workbook.write(out);
		}
		return new Written(rows, sheets, 0, 0);
	}

	private int writeTable(Sheet sheet, CellStyle bold, Organisation body, int year, List<RegistrationEntry> ofYear) {
		SummaryTableWorkbooks.layOut(sheet, bold,
				"%s %d 年度专业技术人员继续教育情况登记汇总表（%s）".formatted(body.name(), year, body.kind().label()), body.creditCode(),
				"可在末行之后填写新的登记后导入；填写规则见登记汇总表模板（import --template）的工作表「%s」"
					.formatted(SummaryTableWorkbooks.INSTRUCTIONS_SHEET));
		Row headings = sheet.getRow(SummaryTableWorkbooks.HEADING_ROW);
		int statusColumn = SummaryTableWorkbooks.HEADINGS.size();
		for (String heading : List.of("验证状态", "验证或未通过说明")) {
			Cell cell = headings.createCell(headings.getLastCellNum());
			cell.setCellValue(heading);
			cell.setCellStyle(bold);
		}
		sheet.setColumnWidth(statusColumn, 10 * 256);
		sheet.setColumnWidth(statusColumn + 1, 40 * 256);
		sheet.createFreezePane(0, SummaryTableWorkbooks.HEADING_ROW + 1);
		Map<Long, Holder> holders = UniqueRows.byKey(
				this.people.findByPersonIds(ofYear.stream().map(RegistrationEntry::personId).distinct().toList(), false)
					.stream()
					.map(PersonDossier::holder)
					.toList(),
				Holder::personId, "人员");
		int index = SummaryTableWorkbooks.HEADING_ROW + 1;
		for (RegistrationEntry entry : ofYear) {
			Row row = sheet.createRow(index++);
			SummaryTableWorkbooks.writeRow(row, summaryRow(holders.get(entry.personId()), entry));
			text(row, statusColumn, entry.status().label());
			text(row, statusColumn + 1, switch (entry.status()) {
				case VERIFIED -> entry.verifiedByOffice() + " " + entry.verifiedAt().toLocalDate();
				case REJECTED -> entry.rejectionReason();
				case PENDING -> "";
			});
		}
		return ofYear.size();
	}

	private void checkYear(int year) {
		int current = Year.now(this.clock).getValue();
		if (year < 2000 || year > current) {
			throw new InvalidRequestException("年份 %d：须在 2000 至 %d 年之间".formatted(year, current));
		}
	}

	/** A sheet name Excel accepts (31 characters, no []:*?/\), unique in the workbook. */
	private static String sheetName(Organisation body, Set<String> taken) {
		String base = WorkbookUtil.createSafeSheetName(body.name());
		String name = base;
		for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = "(" + n + ")";
			name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
		}
		return name;
	}

	/** An entry as a row of the summary table, as the import reads it back. */
	private static SummaryTableRow summaryRow(Holder holder, RegistrationEntry entry) {
		return new SummaryTableRow(0, holder.name(), holder.idNumber(), entry.projectName(), entry.content(),
				entry.form().label(), entry.subjectType().label(), entry.startDate().toString(),
				entry.endDate().toString(), Hours.of(entry.hours()).toString(), entry.result(), entry.outcome(),
				CreditItem.find(entry.creditItem()).map(CreditItem::label).orElse(""), List.of());
	}

}
