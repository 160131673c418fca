package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.RefusedException;
import org.ceprint.intake.ImportReport;
import org.ceprint.intake.IntakeImports;
import org.ceprint.intake.SummaryTableWorkbooks;

/**
 * {@code import}: a summary-table workbook in, as entries pending verification; or the
 * empty template out.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "导入登记汇总表（Excel .xlsx/.xls），或生成空白模板（--template）")
class ImportCommand implements Callable<Integer>, StartChecks {

	private final IntakeImports imports;

	@Parameters(paramLabel = "文件", arity = "0..1", description = "要导入的 .xlsx / .xls 文件")
	Path file;

	@Option(names = "--errors", paramLabel = "文件", description = "未导入行的错误工作簿（默认：与导入文件同目录，名加「-未导入」）")
	Path errors;

	@Option(names = "--template", paramLabel = "文件", description = "写出空白的登记汇总表模板后退出")
	Path template;

	ImportCommand(IntakeImports imports) {
		this.imports = imports;
	}

	@Override
	public OptionalInt refusal() {
		if (this.template != null) {
			return OptionalInt.empty();
		}
		if (this.file == null) {
			System.err.println("请指定要导入的文件，或用 --template 生成模板");
			return OptionalInt.of(2);
		}
		if (!Files.isRegularFile(this.file)) {
			System.err.println("找不到文件：" + this.file);
			return OptionalInt.of(2);
		}
		return OptionalInt.empty();
	}

	/** The template is written from the layout alone. */
	@Override
	public boolean needsApplication() {
		return this.template == null;
	}

	@Override
	public Integer call() throws IOException {
		if (this.template != null) {
			try (OutputStream out = Files.newOutputStream(this.template)) {
				SummaryTableWorkbooks.writeTemplate(out);
			}
			System.out.println("已写出登记汇总表模板：" + this.template.toAbsolutePath().normalize());
			return 0;
		}
		OptionalInt refused = refusal();
		if (refused.isPresent()) {
			return refused.getAsInt();
		}
		String name = this.file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
		Path errorWorkbook = (this.errors != null) ? this.errors
				: this.file.toAbsolutePath().resolveSibling(name + "-未导入.xlsx");
		ImportReport report;
		try {
			report = this.imports.importFile(this.file, errorWorkbook, null, System.out::println);
		}
		catch (IllegalArgumentException | RefusedException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		System.out.println("%s：共 %d 行，导入 %d 条（待验证），已导入过 %d 条，未导入 %d 行".formatted(this.file.getFileName(), report.rows(),
				report.imported(), report.alreadyImported(), report.rejected().size()));
		for (String warning : report.warnings()) {
			System.out.println("注意：" + warning);
		}
		for (ImportReport.RejectedRow row : report.rejected()) {
			System.out.println("  " + String.join("；", row.reasons()));
		}
		if (report.errorWorkbook() != null) {
			System.out.println("未导入的行及原因：" + report.errorWorkbook());
		}
		// 0: every row stored (or stored before); 1: the valid rows stored, the others
		// reported; 2 (above): the file refused, nothing stored
		return report.rejected().isEmpty() ? 0 : 1;
	}

}
