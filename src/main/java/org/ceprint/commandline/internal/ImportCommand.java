package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import picocli.CommandLine.Command;

import org.ceprint.intake.ImportReport;
import org.ceprint.intake.IntakeImports;
import org.ceprint.intake.SummaryTableWorkbooks;

/**
 * {@code import}: a summary-table workbook in, as entries pending verification; or the
 * empty template out.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "导入登记汇总表（Excel .xlsx/.xls），或生成空白模板（--template）")
class ImportCommand extends WorkbookImportCommand {

	private final IntakeImports imports;

	ImportCommand(IntakeImports imports) {
		this.imports = imports;
	}

	@Override
	String what() {
		return "登记汇总表";
	}

	@Override
	void writeTemplate(OutputStream out) throws IOException {
		SummaryTableWorkbooks.writeTemplate(out);
	}

	@Override
	ImportReport importFile(Path errorWorkbook) throws IOException {
		return this.imports.importFile(this.file, errorWorkbook, null, System.out::println);
	}

	@Override
	String summary(ImportReport report) {
		return "%s：共 %d 行，导入 %d 条（待验证），已导入过 %d 条，未导入 %d 行".formatted(this.file.getFileName(), report.rows(),
				report.imported(), report.alreadyImported(), report.rejected().size());
	}

}
