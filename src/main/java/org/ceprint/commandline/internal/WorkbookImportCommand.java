package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.intake.ImportReport;

/**
 * What every workbook import of the command line shares (the summary table, a roster, a
 * list of units): the file or {@code --template}, the error workbook beside the file by
 * default, refusals before the application starts, and the report of the rows not
 * imported. Exit code 0 when every row was stored (or stored before), 1 when the valid
 * rows were stored and the others reported, 2 (from the refusal) when the file as a whole
 * was refused and nothing stored.
 */
abstract class WorkbookImportCommand implements Callable<Integer>, StartChecks {

	@Parameters(paramLabel = "文件", arity = "0..1", description = "要导入的 .xlsx / .xls / .csv 文件")
	Path file;

	@Option(names = "--errors", paramLabel = "文件", description = "未导入行的错误工作簿（默认：与导入文件同目录，名加「-未导入」）")
	Path errors;

	@Option(names = "--template", paramLabel = "文件", description = "写出空白模板后退出")
	Path template;

	/** What the template is called in the message that names it. */
	abstract String what();

	abstract void writeTemplate(OutputStream out) throws IOException;

	/** Imports the file; its summary line is the command's own. */
	abstract ImportReport importFile(Path errorWorkbook) throws IOException;

	abstract String summary(ImportReport report);

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
				writeTemplate(out);
			}
			System.out.println("已写出%s模板：%s".formatted(what(), this.template.toAbsolutePath().normalize()));
			return 0;
		}
		OptionalInt refused = refusal();
		if (refused.isPresent()) {
			return refused.getAsInt();
		}
		String name = this.file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
		long started = System.nanoTime();
		ImportReport report = importFile(
				(this.errors != null) ? this.errors : this.file.toAbsolutePath().resolveSibling(name + "-未导入.xlsx"));
		System.out
			.println(String.format(Locale.ROOT, "%s，用时 %.2f 秒", summary(report), (System.nanoTime() - started) / 1e9));
		report.warnings().forEach((warning) -> System.out.println("注意：" + warning));
		report.rejected().forEach((row) -> System.out.println("  " + String.join("；", row.reasons())));
		if (report.errorWorkbook() != null) {
			System.out.println("未导入的行及原因：" + report.errorWorkbook());
		}
		return report.rejected().isEmpty() ? 0 : 1;
	}

}
