package org.ceprint.submission.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ceprint.accounts.OfficeUser;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.IntakeImports;
import org.ceprint.registry.Organisation;
import org.ceprint.submission.Submissions;

import org.springframework.stereotype.Service;

/**
 * A unit or base submits with its summary table (第十二条): the registrar's file is imported
 * (only a table of their own body) and a draft is made of its entries that are pending
 * and not yet submitted, ready for 报送.
 */
@Service
public class SubmissionImports {

	private final Submissions submissions;

	private final IntakeImports imports;

	SubmissionImports(Submissions submissions, IntakeImports imports) {
		this.submissions = submissions;
		this.imports = imports;
	}

	/**
	 * What came of an upload: the import's report, the draft made (null when no row
	 * brought an entry that could still be submitted) and how many of the file's entries
	 * were left out because they are verified, rejected or already in a submission.
	 */
	public record Outcome(ImportReport report, Submission draft, int leftOut) {

		/** One line for the registrar, in Chinese. */
		public String summary() {
			String counts = "%s：共 %d 行，新登记 %d 条，已导入过 %d 条，未导入 %d 行".formatted(this.report.file().getFileName(),
					this.report.rows(), this.report.imported(), this.report.alreadyImported(),
					this.report.rejected().size());
			String draftText = (this.draft != null)
					? "；已生成报送批次 %s（%d 条）".formatted(this.draft.batchNo(), this.report.entryIds().size() - this.leftOut)
					: "；没有可以报送的新登记，未生成报送批次";
			String warnings = this.report.warnings().isEmpty() ? "" : "。注意：" + String.join("；", this.report.warnings());
			return counts + draftText + ((this.leftOut > 0) ? "；%d 条已验证、未通过或已在报送批次中，未加入".formatted(this.leftOut) : "")
					+ warnings;
		}

	}

	/**
	 * Imports the file and drafts its entries.
	 * @param file the uploaded file, named as the registrar named it (the name appears in
	 * messages; the extension tells CSV from a workbook)
	 * @param errorWorkbook where the rejected rows go, if any
	 * @throws InvalidRequestException for a file refused as a whole, in Chinese
	 */
	public Outcome importAndDraft(OfficeUser actor, Path file, Path errorWorkbook) throws IOException {
		Organisation body = this.submissions.submitterOf(actor);
		ImportReport report = this.imports.importFile(file, errorWorkbook, body.creditCode());
		List<Long> draftable = this.submissions.draftable(body.id(), report.entryIds());
		Submission draft = draftable.isEmpty() ? null : this.submissions.draft(actor, draftable);
		return new Outcome(report, draft, report.entryIds().size() - draftable.size());
	}

}
