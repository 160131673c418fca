package org.ceprint.intake;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
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
import org.ceprint.registry.FieldLengths;
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
import org.ceprint.rendering.GlyphCoverage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger logger = LoggerFactory.getLogger(IntakeImports.class);

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

	private final PrintableText printable;

	IntakeImports(PersonDossiers people, Organisations organisations, RegistryBulkLoader loader, Clock clock,
			PlatformTransactionManager transactionManager, HoursStandard standard, GlyphCoverage coverage) {
		this.standard = standard;
		this.printable = new PrintableText(coverage);
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
		return importFile(file, errorWorkbook, requiredBodyCode, (line) -> {
		});
	}

	/**
	 * As {@link #importFile(Path, Path, String)}, telling {@code progress} (a command
	 * line's output) when the rows are checked and about to be written.
	 */
	public ImportReport importFile(Path file, Path errorWorkbook, String requiredBodyCode, Consumer<String> progress)
			throws IOException {
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
				throw new Refused("无法导入 %s：%s".formatted(file.getFileName(), ex.getMessage()));
			}
			catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException
					| org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException ex) {
				// whatever POI refuses: its text is English and names its own classes,
				// so the user is told what kind of file this is not
				logger.info("Workbook refused: {}", ex.getClass().getName());
				throw new Refused("无法读取 %s：%s。请用 Excel 或 WPS 打开该文件，另存为「Excel 工作簿 (.xlsx)」后重新导入"
					.formatted(file.getFileName(), unreadable(ex)));
			}
		}
		checkLayout(file, sheet);
		String bodyCode = normalised(sheet.cell(SummaryTableWorkbooks.CREDIT_CODE_ROW, 1).text())
			.toUpperCase(java.util.Locale.ROOT);
		List<ParsedRow> rows = sheetRows(sheet);
		Checked code = CreditCodes.check(bodyCode);
		if (sheet.cell(SummaryTableWorkbooks.CREDIT_CODE_ROW, 1).numeric()) {
			throw new Refused("%s 第 2 行「报送单位统一社会信用代码」(%s)：单元格是数字格式，代码可能已被 Excel 改动。请把 B2 设为「文本」格式后重新输入代码"
				.formatted(file.getFileName(), bodyCode));
		}
		if (!code.valid() && ResidentIdNumbers.check(bodyCode, LocalDate.now(this.clock)).valid()) {
			throw new Refused("%s 第 2 行「报送单位统一社会信用代码」(%s)：这是居民身份证号码，不是统一社会信用代码。B2 应填报送单位（单位或基地）的 18 位统一社会信用代码"
				.formatted(file.getFileName(), bodyCode));
		}
		if (!code.valid() || this.organisations.findByCreditCode(code.value()).isEmpty()) {
			throw new IllegalArgumentException("%s 第 2 行「报送单位统一社会信用代码」(%s)：%s".formatted(file.getFileName(),
					bodyCode.isEmpty() ? "（空）" : bodyCode, code.valid() ? "登记库中没有该单位或基地" : code.problem()));
		}
		if (requiredBodyCode != null && !requiredBodyCode.equals(code.value())) {
			throw new IllegalArgumentException("%s 第 2 行「报送单位统一社会信用代码」(%s)：不是本单位（%s）的登记汇总表"
				.formatted(file.getFileName(), code.value(), requiredBodyCode));
		}
		return store(file, code.value(), rows, errorWorkbook, sheet.warnings(SummaryTableWorkbooks.HEADING_ROW),
				progress);
	}

	/**
	 * The heading row must be the template's, column by column, before any row is read:
	 * with columns moved, every row would be checked against the wrong heading.
	 */
	private static void checkLayout(Path file, SheetCells sheet) {
		List<String> wrong = new ArrayList<>();
		for (int column = 0; column < SummaryTableWorkbooks.HEADINGS.size(); column++) {
			String expected = SummaryTableWorkbooks.HEADINGS.get(column);
			String found = normalised(sheet.cell(SummaryTableWorkbooks.HEADING_ROW, column).text()).replace(" ", "");
			// the optional last columns may be left out of an older template, as long as
			// no row fills them
			boolean leftOut = found.isEmpty() && column >= SummaryTableWorkbooks.FIRST_OPTIONAL_COLUMN
					&& isEmptyColumn(sheet, column);
			if (!found.equals(expected) && !leftOut) {
				wrong.add("%s 列应为「%s」，实为「%s」".formatted(CellReference.convertNumToColString(column), expected,
						found.isEmpty() ? "（空）" : FieldProblem.visible(found)));
			}
		}
		if (!wrong.isEmpty()) {
			throw new Refused("%s 第 %d 行的表头与登记汇总表模板不同：%s。没有导入任何行；请用 import --template 生成的模板填写，不要增删或调换列"
				.formatted(file.getFileName(), SummaryTableWorkbooks.HEADING_ROW + 1, String.join("；", wrong)));
		}
	}

	private static boolean isEmptyColumn(SheetCells sheet, int column) {
		return sheet.rowsAfter(SummaryTableWorkbooks.HEADING_ROW)
			.keySet()
			.stream()
			.allMatch((row) -> sheet.cell(row, column).text().isBlank() && !sheet.cell(row, column).isFormula());
	}

	/** What kind of file this is not, in Chinese, from what POI threw. */
	private static String unreadable(Exception ex) {
		if (ex instanceof org.apache.poi.EmptyFileException) {
			return "文件是空的";
		}
		if (ex instanceof org.apache.poi.EncryptedDocumentException) {
			return "工作簿设有密码或已加密，请先取消密码保护";
		}
		if (ex instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
				|| ex instanceof org.apache.poi.poifs.filesystem.NotOLE2FileException
				|| ex instanceof org.apache.poi.poifs.filesystem.OfficeXmlFileException
				|| ex instanceof org.apache.poi.UnsupportedFileFormatException) {
			return "不是 Excel 工作簿（.xlsx 或 .xls）";
		}
		if (ex instanceof IOException && ex.getMessage() != null && ex.getMessage().contains("Zip bomb")) {
			return "压缩内容异常：解压后的大小远超文件本身，可能是恶意文件，拒绝打开";
		}
		if (ex instanceof org.xml.sax.SAXException) {
			return "工作簿内部的数据格式无效（XML 损坏或含有不允许的声明）";
		}
		return "文件不完整或已损坏，不是有效的 Excel 工作簿";
	}

	private ImportReport store(Path file, String bodyCode, List<ParsedRow> rows, Path errorWorkbook,
			List<String> warnings, Consumer<String> progress) {
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
		progress.accept("%s：已检查 %d 行，正在写入登记库…".formatted(file.getFileName(), rows.size()));
		// the report of the rows not imported is on disk before the rows imported are
		// committed; if it cannot be written, nothing is stored
		Committed committed;
		try {
			// arguments run left to right: the rows, then their report, in one
			// transaction
			committed = this.transaction
				.execute((status) -> new Committed(this.loader.addImportedEntries(entries, keys),
						rejected.isEmpty() ? null : ImportReports.write(rejected, errorWorkbook)));
		}
		catch (ImportReports.NotWritten ex) {
			throw new Refused(
					"%s：%s，本次没有导入任何行。请确认该位置可写（或用 --errors 指定别的文件）后重新导入".formatted(file.getFileName(), ex.getMessage()));
		}
		RegistryBulkLoader.ImportedEntries stored = committed.entries();
		Set<String> already = stored.alreadyStored();
		int inserted = (int) keys.stream().distinct().filter((key) -> !already.contains(key)).count();
		return new ImportReport(file, rows.size(), inserted, keys.size() - inserted, rejected, committed.report(),
				bodyCode, stored.entryIds(), warnings);
	}

	/** What an import's transaction committed: the rows, and the report of the others. */
	private record Committed(RegistryBulkLoader.ImportedEntries entries, Path report) {
	}

	private NewEntry entry(ParsedRow row, String bodyCode, Map<String, String> names, LocalDateTime now,
			List<String> reasons) {
		String record = "第 %d 行".formatted(row.rowNumber());
		String name = row.value(0);
		Checked id = ResidentIdNumbers.check(row.value(1), now.toLocalDate());
		if (name.isEmpty()) {
			reasons.add(problem(record, "姓名", name, "须填写"));
		}
		else {
			this.printable.problem(name).ifPresent((problem) -> reasons.add(problem(record, "姓名", name, problem)));
		}
		if (!id.valid()) {
			reasons.add(problem(record, "身份证件号码", row.value(1),
					CreditCodes.check(row.value(1)).valid() ? "这是统一社会信用代码，不是身份证件号码（列是否填错？）" : id.problem()));
		}
		else if (!names.containsKey(id.value())) {
			reasons.add(problem(record, "身份证件号码", id.value(), "登记库中没有此人，请先办理继续教育证书"));
		}
		else if (!name.isEmpty() && !names.get(id.value()).equals(name)) {
			reasons.add(problem(record, "姓名", name, "与登记库中该身份证件号码的姓名「" + names.get(id.value()) + "」不符"));
		}
		String project = row.value(2);
		String content = row.value(3);
		text(record, "项目名称", project, FieldLengths.PROJECT_NAME, true, reasons);
		text(record, "学习内容", content, FieldLengths.CONTENT, true, reasons);
		text(record, "考试考核成绩", row.value(9), FieldLengths.RESULT, false, reasons);
		text(record, "继续教育成果", row.value(10), FieldLengths.OUTCOME, false, reasons);
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
		if (Files.size(file) == 0) {
			throw new Refused("文件是空的");
		}
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		if (magic != FileMagic.OOXML && magic != FileMagic.OLE2) {
			throw new Refused("不是 Excel 工作簿（.xlsx 或 .xls）；若是另存的 CSV 文件，请把文件名改为 .csv 后导入");
		}
		if (magic == FileMagic.OOXML) {
			return XlsxSheetReader.read(file, width, SummaryTableWorkbooks.SHEET, maxRow, tooManyRows);
		}
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				names.add(workbook.getSheetName(i));
			}
			IntPredicate hidden = (i) -> workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
			Sheet sheet = workbook.getSheetAt(SheetCells.chooseSheet(names, hidden, SummaryTableWorkbooks.SHEET));
			if (sheet.getLastRowNum() > maxRow) {
				throw new Refused(tooManyRows);
			}
			SheetCells cells = new SheetCells(width, sheet.getSheetName());
			for (int i = 0; i < names.size(); i++) {
				if (hidden.test(i)) {
					cells.hideSheet(names.get(i));
				}
			}
			for (int column = 0; column < width; column++) {
				if (sheet.isColumnHidden(column)) {
					cells.hideColumn(column);
				}
			}
			for (Row row : sheet) {
				if (row.getZeroHeight()) {
					cells.hideRow(row.getRowNum());
				}
				for (int column = 0; column < width; column++) {
					Cell cell = row.getCell(column);
					if (cell != null) {
						cells.put(row.getRowNum(), column, (cell.getCellType() == CellType.FORMULA)
								? new SheetCells.RawCell("", cell.getCellFormula())
								: new SheetCells.RawCell(text(cell), null,
										cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)));
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
					if (cell.numeric() && column == 1) {
						problems.add(problem("第 %d 行".formatted(index + 1), SummaryTableWorkbooks.HEADINGS.get(column),
								cell.text(), "单元格是数字格式：Excel 把 18 位号码存成只有 15 位有效数字的数，末几位已经丢失。请把该列设为「文本」格式后重新输入号码"));
					}
				}
			}
			if (!values.stream().allMatch(String::isEmpty)) {
				rows.add(new ParsedRow(index + 1, values, problems));
			}
		});
		return rows;
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
	 * without Chinese); ideographic spaces, tabs, line breaks and other spaces to one
	 * space; stripped; the apostrophe that ceprint's exports put before = + - @ removed.
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
			else if (c == 0x3000 || c == 0xA0 || c == '\t' || c == '\n' || c == '\r'
					|| Character.getType(c) == Character.SPACE_SEPARATOR) {
				// line breaks typed with Alt+Enter and other spaces: one space (runs are
				// collapsed below)
				text.append(' ');
			}
			else {
				text.appendCodePoint(c);
			}
		});
		String stripped = text.toString().replaceAll(" {2,}", " ").strip();
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

	/**
	 * A text field that will be printed: required or not, no longer than its column, and
	 * only characters that print (see {@link PrintableText}).
	 */
	private void text(String record, String field, String value, int maxLength, boolean required,
			List<String> reasons) {
		if (value.isEmpty()) {
			if (required) {
				reasons.add(problem(record, field, value, "须填写"));
			}
			return;
		}
		Optional<String> unprintable = this.printable.problem(value);
		if (unprintable.isPresent()) {
			reasons.add(problem(record, field, value, unprintable.get()));
		}
		else if (value.length() > maxLength) {
			reasons.add(problem(record, field, value, "不能超过 %d 字（现有 %d 字）".formatted(maxLength, value.length())));
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

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "ParsedRow[rowNumber=%d]".formatted(this.rowNumber);
		}

	}

}
