package org.ceprint.intake.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.ceprint.InvalidRequestException;
import org.ceprint.intake.ImportReport;
import org.ceprint.registry.EntryImports;
import org.ceprint.registry.NewRecords.NewEntry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the checked rows of one file in one transaction, together with the report of the
 * rows not imported: a row imported before (same person, body, project, period and hours)
 * is counted and not stored again.
 */
@Component
public class ImportStore {

	private final EntryImports imports;

	private final TransactionTemplate transaction;

	ImportStore(EntryImports imports, PlatformTransactionManager transactionManager) {
		this.imports = imports;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * @throws InvalidRequestException when the report of the rejected rows cannot be
	 * written: then nothing is stored
	 */
	public ImportReport store(Path file, String bodyCode, List<SummaryTableRow> rows,
			List<SummaryTableRowCheck.Outcome> outcomes, Path errorWorkbook, List<String> warnings,
			Consumer<String> progress) {
		List<NewEntry> entries = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<ImportReport.RejectedRow> rejected = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			SummaryTableRowCheck.Outcome outcome = outcomes.get(i);
			if (!outcome.valid()) {
				rejected.add(
						new ImportReport.RejectedRow(rows.get(i).rowNumber(), rows.get(i).values(), outcome.reasons()));
				continue;
			}
			entries.add(outcome.entry());
			keys.add(EntryImports.key(outcome.entry()));
		}
		progress.accept("%s：已检查 %d 行，正在写入登记库…".formatted(file.getFileName(), rows.size()));
		// the report of the rows not imported is on disk before the rows imported are
		// committed; if it cannot be written, nothing is stored
		Committed committed;
		try {
			// arguments run left to right: the rows, then their report, in one
			// transaction
			committed = this.transaction.execute((status) -> new Committed(this.imports.add(entries, keys),
					rejected.isEmpty() ? null : ImportReports.write(rejected, errorWorkbook)));
		}
		catch (ImportReports.NotWritten ex) {
			throw new InvalidRequestException(
					"%s：%s，本次没有导入任何行。请确认该位置可写（或用 --errors 指定别的文件）后重新导入".formatted(file.getFileName(), ex.getMessage()));
		}
		EntryImports.Stored stored = committed.entries();
		Set<String> already = stored.alreadyStored();
		int inserted = (int) keys.stream().distinct().filter((key) -> !already.contains(key)).count();
		return new ImportReport(file, rows.size(), inserted, keys.size() - inserted, rejected, committed.report(),
				bodyCode, stored.entryIds(), warnings);
	}

	/** What an import's transaction committed: the rows, and the report of the others. */
	private record Committed(EntryImports.Stored entries, Path report) {
	}

}
