package org.ceprint.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ceprint.InvalidRequestException;
import org.ceprint.hours.HoursStandard;
import org.ceprint.intake.internal.ImportStore;
import org.ceprint.intake.internal.PrintableText;
import org.ceprint.intake.internal.SheetCells;
import org.ceprint.intake.internal.SummaryTableFiles;
import org.ceprint.intake.internal.SummaryTableReader;
import org.ceprint.intake.internal.SummaryTableRow;
import org.ceprint.intake.internal.SummaryTableRowCheck;
import org.ceprint.registry.Checked;
import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.Transfers;
import org.ceprint.registry.Organisations;
import org.ceprint.registry.PersonDossiers;
import org.ceprint.registry.ResidentIdNumbers;
import org.ceprint.rendering.GlyphCoverage;

import org.springframework.stereotype.Service;

/**
 * Imports a summary-table workbook (.xlsx or .xls, or the .csv saved from it): every row
 * is checked; the valid ones are stored as entries pending verification, all in one
 * transaction; a row already imported (same person, body, project, period and hours) is
 * counted and not stored again; every other row goes to the error workbook with its
 * reasons. Formulas are refused, never evaluated.
 */
@Service
public class IntakeImports {

	/** Larger files are refused before they are opened. */
	static final long MAX_FILE_BYTES = SummaryTableFiles.MAX_FILE_BYTES;

	static final int MAX_ROWS = SummaryTableFiles.MAX_ROWS;

	private final PersonDossiers people;

	private final Organisations organisations;

	private final ImportStore store;

	private final Clock clock;

	private final HoursStandard standard;

	private final PrintableText printable;

	private final Transfers transfers;

	IntakeImports(PersonDossiers people, Organisations organisations, ImportStore store, Clock clock,
			HoursStandard standard, GlyphCoverage coverage, Transfers transfers) {
		this.transfers = transfers;
		this.people = people;
		this.organisations = organisations;
		this.store = store;
		this.clock = clock;
		this.standard = standard;
		this.printable = new PrintableText(coverage);
	}

	/**
	 * Imports the file; the error workbook, when there are rejected rows, is written to
	 * {@code errorWorkbook}.
	 * @throws InvalidRequestException when the file as a whole cannot be imported, in
	 * Chinese; nothing is stored then
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
		Sheet sheet = read(file, requiredBodyCode);
		List<SummaryTableRow> rows = sheet.rows();
		LocalDateTime now = LocalDateTime.now(this.clock);
		Map<String, String> names = names(rows, now);
		SummaryTableRowCheck check = new SummaryTableRowCheck(this.standard, this.printable, names, sheet.bodyCode(),
				now, this.transfers.movedAwayFrom(sheet.bodyCode(), names.keySet()));
		return this.store.store(file, sheet.bodyCode(), rows, rows.stream().map(check::check).toList(), errorWorkbook,
				sheet.warnings(), progress);
	}

	/**
	 * The file's rows, body and warnings; its cells are left behind here, so that they
	 * can be collected while the rows are checked and stored.
	 */
	private Sheet read(Path file, String requiredBodyCode) throws IOException {
		SheetCells cells = SummaryTableFiles.read(file);
		SummaryTableReader.checkLayout(file, cells);
		List<SummaryTableRow> rows = SummaryTableReader.rows(cells);
		return new Sheet(submittingBody(file, cells, requiredBodyCode), rows,
				cells.warnings(SummaryTableWorkbooks.HEADING_ROW));
	}

	private record Sheet(String bodyCode, List<SummaryTableRow> rows, List<String> warnings) {
	}

	/**
	 * The credit code in B2, which must be a unit's or base's of the registry (and the
	 * required one's, when there is one).
	 */
	private String submittingBody(Path file, SheetCells sheet, String requiredBodyCode) {
		String bodyCode = SummaryTableReader.bodyCode(sheet);
		Checked code = CreditCodes.check(bodyCode);
		if (sheet.cell(SummaryTableWorkbooks.CREDIT_CODE_ROW, 1).numeric()) {
			throw new InvalidRequestException(
					"%s 第 2 行「报送单位统一社会信用代码」(%s)：单元格是数字格式，代码可能已被 Excel 改动。请把 B2 设为「文本」格式后重新输入代码"
						.formatted(file.getFileName(), bodyCode));
		}
		if (!code.valid() && ResidentIdNumbers.check(bodyCode, LocalDate.now(this.clock)).valid()) {
			throw new InvalidRequestException(
					"%s 第 2 行「报送单位统一社会信用代码」(%s)：这是居民身份证号码，不是统一社会信用代码。B2 应填报送单位（单位或基地）的 18 位统一社会信用代码"
						.formatted(file.getFileName(), bodyCode));
		}
		if (!code.valid() || this.organisations.findByCreditCode(code.value()).isEmpty()) {
			throw new InvalidRequestException("%s 第 2 行「报送单位统一社会信用代码」(%s)：%s".formatted(file.getFileName(),
					bodyCode.isEmpty() ? "（空）" : bodyCode, code.valid() ? "登记库中没有该单位或基地" : code.problem()));
		}
		if (requiredBodyCode != null && !requiredBodyCode.equals(code.value())) {
			throw new InvalidRequestException("%s 第 2 行「报送单位统一社会信用代码」(%s)：不是本单位（%s）的登记汇总表".formatted(file.getFileName(),
					code.value(), requiredBodyCode));
		}
		return code.value();
	}

	/** The registry's names of the people the rows name, by ID number, in one query. */
	private Map<String, String> names(List<SummaryTableRow> rows, LocalDateTime now) {
		return this.people.namesByIdNumbers(rows.stream()
			.map((row) -> ResidentIdNumbers.check(row.idNumber(), now.toLocalDate()))
			.filter(Checked::valid)
			.map(Checked::value)
			.distinct()
			.toList());
	}

}
