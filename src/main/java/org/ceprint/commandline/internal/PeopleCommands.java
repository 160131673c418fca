package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.intake.ImportReport;
import org.ceprint.intake.RegisterImports;
import org.ceprint.registry.Transfers;

import static org.ceprint.commandline.internal.RegisterCommands.actor;

/**
 * {@code people}: the 人员名册 of an office's units, and transfers (第十八条)
 * ({@link RegisterCommands}).
 */
final class PeopleCommands {

	private PeopleCommands() {
	}

	@Command(name = "people", mixinStandardHelpOptions = true, description = "人员名册：导入本市单位的专业技术人员，或办理调动",
			subcommands = { PeopleImport.class, PeopleTransfer.class })
	static class People {

	}

	@Command(name = "import", mixinStandardHelpOptions = true, description = "导入人员名册（Excel 或 CSV），或用 --template 生成空白模板")
	static class PeopleImport extends RegisterCommands.Import {

		PeopleImport(RegisterImports imports) {
			super(imports);
		}

		@Override
		String what() {
			return "人员名册";
		}

		@Override
		void writeTemplate(OutputStream out) throws IOException {
			RegisterImports.writeRosterTemplate(out);
		}

		@Override
		ImportReport importFile(Path errorWorkbook) throws IOException {
			return this.imports.importRoster(this.file, errorWorkbook, this.office, actor(this.by));
		}

	}

	@Command(name = "transfer", mixinStandardHelpOptions = true, description = "调动（第十八条）：人员调到另一单位或设区市，证书继续有效、不变")
	static class PeopleTransfer implements Callable<Integer> {

		private final Transfers transfers;

		private final Clock clock;

		@Parameters(paramLabel = "身份证件号码", description = "调动人员的居民身份证号码")
		String idNumber;

		@Option(names = "--to", required = true, paramLabel = "统一社会信用代码", description = "调入单位")
		String to;

		@Option(names = "--on", paramLabel = "日期", description = "调动日期（默认今天），如 2026-11-30")
		LocalDate on;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "办理的人社部门代码（调出或调入单位所在地）")
		String office;

		@Option(names = "--by", paramLabel = "经办人", description = "经办人（记入审计，默认当前系统用户）")
		String by;

		PeopleTransfer(Transfers transfers, Clock clock) {
			this.transfers = transfers;
			this.clock = clock;
		}

		@Override
		public Integer call() {
			Transfers.Transfer transfer = this.transfers.transfer(this.office, this.idNumber.strip(), this.to.strip(),
					(this.on != null) ? this.on : LocalDate.now(this.clock), actor(this.by));
			System.out.println("已办理调动：自 %s 起由%s「%s」（%s）调到「%s」（%s）；证书继续有效%s".formatted(transfer.movedOn(),
					transfer.from().kind().label(), transfer.from().name(), transfer.from().channelName(),
					transfer.to().name(), transfer.to().channelName(),
					transfer.betweenCities() ? "，此后由" + transfer.to().channelName() + "人社部门办理其事项" : ""));
			return 0;
		}

	}

}
