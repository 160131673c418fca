package org.ceprint.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.ceprint.hours.CreditItem;
import org.ceprint.hours.HoursCheck;
import org.ceprint.hours.HoursStandard;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.EntryStatus;
import org.ceprint.registry.FieldProblem;
import org.ceprint.registry.LearningForm;
import org.ceprint.registry.NewRecords.NewEntry;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.RegistrationChecks;
import org.ceprint.registry.RegistryBulkLoader;
import org.ceprint.registry.ResidentIdNumbers;
import org.ceprint.registry.SubjectType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a summary-table workbook (.xlsx or .xls): every row is checked; the valid ones
 * are stored as entries pending verification, all in one transaction; a row already
 * imported (same person, body, project, period and hours) is counted and not stored
 * again; every other row goes to the error workbook with its reasons. Formulas are
 * refused, never evaluated.
 */
@Service
public class IntakeImports {

	/** Larger files are refused before they are opened. */
	static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

	static final int MAX_ROWS = 100_000;

	private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-M-d");

	private final PersonDossiers people;

	private final Organisations organisations;

	private final RegistryBulkLoader loader;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final HoursStandard standard;

	IntakeImports(PersonDossiers people, Organisations organisations, RegistryBulkLoader loader, Clock clock,
			PlatformTransactionManager transactionManager, HoursStandard standard) {
		this.standard = standard;
		this.people = people;
		this.organisations = organisations;
		this.loader = loader;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Imports the file; the error workbook, when there are rejected rows, is written to
	 * {@code errorWorkbook}.
	 * @throws IllegalArgumentException when the file as a whole cannot be read, in
	 * Chinese
	 */
	public ImportReport importFile(Path file, Path errorWorkbook) throws IOException {
		return importFile(file, errorWorkbook, null);
	}

	/**
	 * Imports the file only if it is the summary table of the body with
	 * {@code requiredBodyCode} (a registrar uploading for their own unit or base); a
	 * table of another body is refused before anything is stored.
	 */
	public ImportReport importFile(Path file, Path errorWorkbook, String requiredBodyCode) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("找不到文件：" + file);
		}
		if (Files.size(file) > MAX_FILE_BYTES) {
			throw new IllegalArgumentException(
					"文件 %s 大于 %d MB，请分成多个文件导入".formatted(file.getFileName(), MAX_FILE_BYTES / 1024 / 1024));
		}
		SheetCells sheet;
		if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
			sheet = CsvTables.read(file, SummaryTableWorkbooks.HEADINGS.size(),
					MAX_ROWS + SummaryTableWorkbooks.HEADING_ROW + 1);
		}
		else {
			try {
				sheet = readSheet(file);
			}
			catch (Refused ex) {
				throw ex;
			}
			catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException
					| org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException ex) {
				// whatever POI refuses (not a workbook, encrypted, a zip bomb, a broken
				// record)
				throw new IllegalArgumentException(
						"无法读取 %s：不是有效的 Excel 登记汇总表（%s）".formatted(file.getFileName(), ex.getMessage()), ex);
			}
		}
		String bodyCode = normalised(sheet.cell(SummaryTableWorkbooks.CREDIT_CODE_ROW, 1).text())
			.toUpperCase(java.util.Locale.ROOT);
		List<ParsedRow> rows = sheetRows(sheet);
		Checked code = CreditCodes.check(bodyCode);
		if (!code.valid() || this.organisations.findByCreditCode(code.value()).isEmpty()) {
			throw new IllegalArgumentException("%s 第 2 行「报送单位统一社会信用代码」(%s)：%s".formatted(file.getFileName(),
					bodyCode.isEmpty() ? "（空）" : bodyCode, code.valid() ? "登记库中没有该单位或基地" : code.problem()));
		}
		if (requiredBodyCode != null && !requiredBodyCode.equals(code.value())) {
			throw new IllegalArgumentException("%s 第 2 行「报送单位统一社会信用代码」(%s)：不是本单位（%s）的登记汇总表"
				.formatted(file.getFileName(), code.value(), requiredBodyCode));
		}
		return store(file, code.value(), rows, errorWorkbook);
	}

	private ImportReport store(Path file, String bodyCode, List<ParsedRow> rows, Path errorWorkbook)
			throws IOException {
		Map<String, String> names = this.people.namesByIdNumbers(rows.stream()
			.map((row) -> ResidentIdNumbers.check(row.value(1), LocalDate.now(this.clock)))
			.filter(Checked::valid)
			.map(Checked::value)
			.distinct()
			.toList());
		LocalDateTime now = LocalDateTime.now(this.clock);
		List<NewEntry> entries = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<ImportReport.RejectedRow> rejected = new ArrayList<>();
		for (ParsedRow row : rows) {
			List<String> reasons = new ArrayList<>(row.problems());
			NewEntry entry = reasons.isEmpty() ? entry(row, bodyCode, names, now, reasons) : null;
			if (entry == null || !reasons.isEmpty()) {
				rejected.add(new ImportReport.RejectedRow(row.rowNumber(), row.values(), reasons));
				continue;
			}
			entries.add(entry);
			keys.add(RegistryBulkLoader.importKey(entry));
		}
		RegistryBulkLoader.ImportedEntries stored = this.transaction
			.execute((status) -> this.loader.addImportedEntries(entries, keys));
		Set<String> already = stored.alreadyStored();
		int inserted = (int) keys.stream().distinct().filter((key) -> !already.contains(key)).count();
		Path errors = null;
		if (!rejected.isEmpty()) {
			errors = errorWorkbook;
			try (OutputStream out = Files.newOutputStream(errorWorkbook)) {
				SummaryTableWorkbooks.writeErrors(rejected, out);
			}
		}
		return new ImportReport(file, rows.size(), inserted, keys.size() - inserted, rejected, errors, bodyCode,
				stored.entryIds());
	}

	private NewEntry entry(ParsedRow row, String bodyCode, Map<String, String> names, LocalDateTime now,
			List<String> reasons) {
		String record = "第 %d 行".formatted(row.rowNumber());
		String name = row.value(0);
		Checked id = ResidentIdNumbers.check(row.value(1), now.toLocalDate());
		if (name.isEmpty()) {
			reasons.add(problem(record, "姓名", name, "须填写"));
		}
		if (!id.valid()) {
			reasons.add(problem(record, "身份证件号码", row.value(1), id.problem()));
		}
		else if (!names.containsKey(id.value())) {
			reasons.add(problem(record, "身份证件号码", id.value(), "登记库中没有此人，请先办理继续教育证书"));
		}
		else if (!name.isEmpty() && !names.get(id.value()).equals(name)) {
			reasons.add(problem(record, "姓名", name, "与登记库中该身份证件号码的姓名「" + names.get(id.value()) + "」不符"));
		}
		String project = row.value(2);
		String content = row.value(3);
		if (project.isEmpty() || project.length() > 100) {
			reasons.add(problem(record, "项目名称", project, project.isEmpty() ? "须填写" : "不能超过 100 字"));
		}
		if (content.isEmpty() || content.length() > 200) {
			reasons.add(problem(record, "学习内容", content, content.isEmpty() ? "须填写" : "不能超过 200 字"));
		}
		LearningForm form = byLabel(LearningForm.values(), row.value(4), LearningForm::label);
		if (form == null) {
			reasons.add(problem(record, "学习形式", row.value(4), "须为面授培训、学术会议、资格考试、进修、自学、学历学位教育、远程教育或业绩成果折算"));
		}
		SubjectType subject = byLabel(SubjectType.values(), row.value(5).replace("科目", "") + "科目", SubjectType::label);
		if (subject == null) {
			reasons.add(problem(record, "科目类别", row.value(5), "须为公需科目或专业科目"));
		}
		LocalDate start = date(row.value(6));
		LocalDate end = date(row.value(7));
		if (start == null && !row.value(6).isEmpty()) {
			reasons.add(problem(record, "开始日期", row.value(6), "不是可识别的日期（如 2024-03-05、2024年3月5日）"));
		}
		if (end == null && !row.value(7).isEmpty()) {
			reasons.add(problem(record, "结束日期", row.value(7), "不是可识别的日期（如 2024-03-05、2024年3月5日）"));
		}
		if ((start != null || row.value(6).isEmpty()) && (end != null || row.value(7).isEmpty())) {
			RegistrationChecks.period(record, start, end, now.toLocalDate())
				.forEach((problem) -> reasons.add(problem.message()));
		}
		CreditItem item = null;
		String itemText = row.value(SummaryTableWorkbooks.CREDIT_ITEM_COLUMN);
		if (!itemText.isEmpty()) {
			item = CreditItem.find(itemText).orElse(null);
			if (item == null) {
				reasons.add(problem(record, "折算项目", itemText, "须为学时登记标准中的项目：" + CreditItem.labels()));
			}
			else if (form != null && item.form() != form) {
				reasons.add(problem(record, "折算项目", itemText,
						"属于「%s」，与学习形式「%s」不符".formatted(item.form().label(), form.label())));
			}
		}
		BigDecimal hours = null;
		String creditedBy = null;
		try {
			hours = row.value(8).isEmpty() ? null : new BigDecimal(row.value(8));
		}
		catch (NumberFormatException ex) {
			reasons.add(problem(record, "学时", row.value(8), "须为数字"));
		}
		if (hours == null && row.value(8).isEmpty() && item != null && reasons.isEmpty()) {
			// 学时 left blank: credited by the standard in force on the start date
			HoursCheck credited = this.standard.credit(item, start, end);
			hours = credited.allowed();
			creditedBy = credited.standard() + "：" + credited.rule();
		}
		if (hours != null || row.value(8).isEmpty()) {
			RegistrationChecks.hours(record, hours).ifPresent((problem) -> reasons.add(problem.message()));
		}
		if (!reasons.isEmpty()) {
			return null;
		}
		return new NewEntry(id.value(), project, content, form, subject, start, end, hours, blankToNull(row.value(9)),
				blankToNull(row.value(10)), bodyCode, now, EntryStatus.PENDING, null, null, null, null,
				(item != null) ? item.name() : null, creditedBy);
	}

	/**
	 * An .xlsx (or .xlsm) file is streamed; an old .xls, limited to 65,536 rows, is read
	 * in memory.
	 */
	private static SheetCells readSheet(Path file)
			throws IOException, org.apache.poi.openxml4j.exceptions.OpenXML4JException, org.xml.sax.SAXException,
			javax.xml.parsers.ParserConfigurationException {
		int width = SummaryTableWorkbooks.HEADINGS.size();
		int maxRow = SummaryTableWorkbooks.HEADING_ROW + MAX_ROWS;
		String tooManyRows = "工作表超过 %d 行，请分成多个文件导入".formatted(MAX_ROWS);
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		if (magic == FileMagic.OOXML) {
			return XlsxSheetReader.read(file, width, SummaryTableWorkbooks.SHEET, maxRow, tooManyRows);
		}
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			Sheet sheet = sheetOf(workbook);
			if (sheet.getLastRowNum() > maxRow) {
				throw new Refused(tooManyRows);
			}
			SheetCells cells = new SheetCells(width);
			for (Row row : sheet) {
				for (int column = 0; column < width; column++) {
					Cell cell = row.getCell(column);
					if (cell != null) {
						cells.put(row.getRowNum(), column,
								(cell.getCellType() == CellType.FORMULA)
										? new SheetCells.RawCell("", cell.getCellFormula())
										: new SheetCells.RawCell(text(cell), null));
					}
				}
			}
			return cells;
		}
	}

	/** The data rows of the sheet, from row 4, with every formula reported. */
	private static List<ParsedRow> sheetRows(SheetCells sheet) {
		List<ParsedRow> rows = new ArrayList<>();
		sheet.rowsAfter(SummaryTableWorkbooks.HEADING_ROW).forEach((index, cells) -> {
			List<String> values = new ArrayList<>();
			List<String> problems = new ArrayList<>();
			for (int column = 0; column < SummaryTableWorkbooks.HEADINGS.size(); column++) {
				SheetCells.RawCell cell = sheet.cell(index, column);
				if (cell.isFormula()) {
					values.add(SummaryTableWorkbooks.neutralised("=" + cell.formula()));
					problems.add(problem("第 %d 行".formatted(index + 1), SummaryTableWorkbooks.HEADINGS.get(column),
							"=" + cell.formula(), "单元格是公式，不予导入（请粘贴为数值）"));
				}
				else {
					values.add(normalised(cell.text()));
				}
			}
			if (!values.stream().allMatch(String::isEmpty)) {
				rows.add(new ParsedRow(index + 1, values, problems));
			}
		});
		return rows;
	}

	private static Sheet sheetOf(Workbook workbook) {
		Sheet named = workbook.getSheet(SummaryTableWorkbooks.SHEET);
		if (named != null) {
			return named;
		}
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
				return workbook.getSheetAt(i);
			}
		}
		throw new Refused("工作簿中没有可见的工作表");
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC ->
				DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
						: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> "";
		};
	}

	/**
	 * Full-width letters and digits to half-width (and full-width punctuation too in text
	 * without Chinese), ideographic spaces to spaces, stripped; the apostrophe that
	 * ceprint's exports put before = + - @ removed.
	 */
	static String normalised(String value) {
		// Chinese text keeps its full-width punctuation (，（）); elsewhere, as in ２４．５
		// or 2024－03－05, it was typed by accident
		boolean chinese = value.codePoints()
			.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		StringBuilder text = new StringBuilder(value.length());
		value.codePoints().forEach((c) -> {
			if (c >= 0xFF01 && c <= 0xFF5E && (!chinese || Character.isLetterOrDigit(c - 0xFEE0))) {
				text.append((char) (c - 0xFEE0));
			}
			else if (c == 0x3000 || c == 0xA0) {
				text.append(' ');
			}
			else {
				text.appendCodePoint(c);
			}
		});
		String stripped = text.toString().strip();
		if (stripped.length() > 1 && stripped.charAt(0) == '\'' && "=+-@".indexOf(stripped.charAt(1)) >= 0) {
			return stripped.substring(1);
		}
		return stripped;
	}

	/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305. */
	static LocalDate date(String value) {
		if (value.isEmpty()) {
			return null;
		}
		String text = value.replace(" ", "")
			.replace('年', '-')
			.replace('月', '-')
			.replace("日", "")
			.replace('/', '-')
			.replace('.', '-');
		if (text.matches("\\d{8}")) {
			text = text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6);
		}
		try {
			return LocalDate.parse(text, DASHED);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static <E> E byLabel(E[] values, String label, java.util.function.Function<E, String> labelOf) {
		for (E value : values) {
			if (labelOf.apply(value).equals(label)) {
				return value;
			}
		}
		return null;
	}

	private static String problem(String record, String field, String value, String reason) {
		return new FieldProblem(record, field, value, reason).message();
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/** A file refused as a whole, with the reason in Chinese. */
	static final class Refused extends IllegalArgumentException {

		Refused(String message) {
			super(message);
		}

	}

	private record ParsedRow(int rowNumber, List<String> values, List<String> problems) {

		String value(int column) {
			return this.values.get(column);
		}

	}

}
