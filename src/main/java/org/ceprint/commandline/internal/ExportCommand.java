package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ceprint.RefusedException;
import org.ceprint.intake.IntakeExports.Scope;
import org.ceprint.intake.IntakeExports.Written;
import org.ceprint.intake.IntakeExports;

/**
 * {@code export}: a unit's or a city's annual assessment results or summary tables, as
 * .xlsx.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "导出 Excel：单位或设区市的年度考核结果、登记汇总表",
		subcommands = { ExportCommand.Assessments.class, ExportCommand.SummaryTables.class })
class ExportCommand {

	/** --unit or --city, exactly one. */
	static class Which {

		@Option(names = "--unit", required = true, paramLabel = "信用代码", description = "单位或基地的统一社会信用代码")
		String unit;

		@Option(names = "--city", required = true, paramLabel = "代码", description = "设区市发证机关代码（如 360100，省直 360000）")
		String city;

	}

	abstract static class Export implements Callable<Integer> {

		final IntakeExports exports;

		@ArgGroup(exclusive = true, multiplicity = "1")
		Which which;

		@Option(names = "--year", required = true, paramLabel = "年份", description = "年度（按登记的开始日期）")
		int year;

		@Option(names = { "-o", "--output" }, paramLabel = "文件",
				description = "输出文件（默认：当前目录下 <代码>-<名称>-<年份>-<内容>.xlsx）")
		Path output;

		Export(IntakeExports exports) {
			this.exports = exports;
		}

		@Override
		public Integer call() throws IOException {
			Scope scope;
			try {
				scope = (this.which.unit != null) ? this.exports.unit(this.which.unit)
						: this.exports.city(this.which.city);
			}
			catch (RefusedException ex) {
				System.err.println(ex.getMessage());
				return 2;
			}
			Path file = (this.output != null) ? this.output
					: Path.of(scope.fileStem() + "-" + this.year + "-" + contentName() + ".xlsx");
			Path absolute = file.toAbsolutePath().normalize();
			// written beside under a temporary name: a failed export leaves no file that
			// looks complete
			Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
			Written written;
			try (OutputStream out = Files.newOutputStream(partial)) {
				written = write(scope, out);
			}
			catch (RefusedException ex) {
				Files.deleteIfExists(partial);
				System.err.println(ex.getMessage());
				return 2;
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(partial);
				throw ex;
			}
			Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			System.out.println(summary(scope, written) + "：" + absolute);
			return 0;
		}

		abstract String contentName();

		abstract Written write(Scope scope, OutputStream out) throws IOException;

		abstract String summary(Scope scope, Written written);

	}

	@Command(name = "assessments", mixinStandardHelpOptions = true, description = "年度考核结果（第十五条）：每人应完成、已验证、计入学时与考核结果")
	static class Assessments extends Export {

		Assessments(IntakeExports exports) {
			super(exports);
		}

		@Override
		String contentName() {
			return "年度考核结果";
		}

		@Override
		Written write(Scope scope, OutputStream out) throws IOException {
			return this.exports.writeAssessments(scope, this.year, out);
		}

		@Override
		String summary(Scope scope, Written written) {
			return "%s %d 年度考核结果：%d 人，合格 %d，不合格 %d".formatted(scope.name(), this.year, written.rows(), written.passed(),
					written.failed());
		}

	}

	@Command(name = "summary-tables", mixinStandardHelpOptions = true,
			description = "登记汇总表（导入模板的格式，另附验证状态），设区市则每个单位一张工作表")
	static class SummaryTables extends Export {

		SummaryTables(IntakeExports exports) {
			super(exports);
		}

		@Override
		String contentName() {
			return "登记汇总表";
		}

		@Override
		Written write(Scope scope, OutputStream out) throws IOException {
			return this.exports.writeSummaryTables(scope, this.year, out);
		}

		@Override
		String summary(Scope scope, Written written) {
			return "%s %d 年登记汇总表：%d 张工作表，%d 条登记".formatted(scope.name(), this.year, written.sheets(), written.rows());
		}

	}

}
