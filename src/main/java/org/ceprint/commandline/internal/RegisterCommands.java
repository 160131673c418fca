package org.ceprint.commandline.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ceprint.intake.ImportReport;
import org.ceprint.intake.RegisterImports;
import org.ceprint.registry.Issuance;

/**
 * What an office records of its own from the command line: {@code units} (单位和基地名册,
 * {@link UnitsCommands}), {@code people} (人员名册 and transfers, {@link PeopleCommands}) and
 * {@code issue} (发放), with what they share. Refusals of the services (a unit of another
 * city, a closed unit, a person holding a certificate) are not caught here: the command
 * line prints them and exits with 2 ({@link CeprintCommand#commandLine}).
 */
final class RegisterCommands {

	private RegisterCommands() {
	}

	/** Who acts, for the audit: {@code --by}, or the command line's user. */
	static String actor(String by) {
		return (by != null && !by.isBlank()) ? by.strip() : "cli:" + System.getProperty("user.name", "?");
	}

	/** A register workbook import: also the office that imports it and who does. */
	abstract static class Import extends WorkbookImportCommand {

		final RegisterImports imports;

		@Option(names = "--office", paramLabel = "代码", description = "办理的人社部门代码（如 360100，省直 360000）")
		String office;

		@Option(names = "--by", paramLabel = "经办人", description = "经办人（记入审计，默认当前系统用户）")
		String by;

		Import(RegisterImports imports) {
			this.imports = imports;
		}

		@Override
		public OptionalInt refusal() {
			OptionalInt refused = super.refusal();
			if (refused.isPresent() || this.template != null) {
				return refused;
			}
			if (this.office == null) {
				System.err.println("请用 --office 指定办理的人社部门代码（如 360100）");
				return OptionalInt.of(2);
			}
			return OptionalInt.empty();
		}

		@Override
		String summary(ImportReport report) {
			return "%s：共 %d 行，登记 %d 条，已登记过 %d 条，未导入 %d 行".formatted(this.file.getFileName(), report.rows(),
					report.imported(), report.alreadyImported(), report.rejected().size());
		}

	}

	@Command(name = "issue", mixinStandardHelpOptions = true, description = "发放证书（第十七条）：给本市已登记、尚无证书的人员发证；新证书进入下一次打印")
	static class Issue implements Callable<Integer>, StartChecks {

		private final Issuance issuance;

		private final Clock clock;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "发证机关代码（如 360100，省直 360000）")
		String office;

		@Option(names = "--unit", paramLabel = "统一社会信用代码", description = "只给这个单位的人员发证")
		String unit;

		@Option(names = "--id-number", paramLabel = "证件号码", description = "只给这一人发证（窗口办理）")
		String idNumber;

		@Option(names = "--all", description = "给本机关所辖单位中所有尚无证书的人员发证")
		boolean all;

		@Option(names = "--date", paramLabel = "日期", description = "发证日期（默认今天）")
		LocalDate date;

		@Option(names = "--by", paramLabel = "经办人", description = "经办人（记入审计，默认当前系统用户）")
		String by;

		Issue(Issuance issuance, Clock clock) {
			this.issuance = issuance;
			this.clock = clock;
		}

		@Override
		public OptionalInt refusal() {
			int scopes = (this.unit != null ? 1 : 0) + (this.idNumber != null ? 1 : 0) + (this.all ? 1 : 0);
			if (scopes != 1) {
				System.err.println("请指定 --unit、--id-number 或 --all 中的一项");
				return OptionalInt.of(2);
			}
			return OptionalInt.empty();
		}

		@Override
		public Integer call() {
			OptionalInt refused = refusal();
			if (refused.isPresent()) {
				return refused.getAsInt();
			}
			LocalDate issueDate = (this.date != null) ? this.date : LocalDate.now(this.clock);
			String actor = actor(this.by);
			if (this.idNumber != null) {
				String number = this.issuance.issueForPerson(this.office, this.idNumber.strip(), issueDate, actor);
				System.out.println("已发放证书 " + number + "（待打印：print certificates --numbers " + number + "）");
				return 0;
			}
			Issuance.Issued issued = (this.unit != null)
					? this.issuance.issueForUnit(this.office, this.unit.strip(), issueDate, actor)
					: this.issuance.issueForOffice(this.office, issueDate, actor);
			System.out.println("已发放证书 %d 本%s".formatted(issued.certificateNumbers().size(),
					issued.certificateNumbers().isEmpty() ? "（没有尚无证书的人员）"
							: "，编号 %s 至 %s".formatted(issued.certificateNumbers().get(0),
									issued.certificateNumbers().get(issued.certificateNumbers().size() - 1))));
			if (issued.alreadyHeld() > 0) {
				System.out.println("另有 %d 人在发放过程中已由他人发证，未重复发放".formatted(issued.alreadyHeld()));
			}
			if (!issued.certificateNumbers().isEmpty()) {
				System.out.println("下一步：print certificates --city " + this.office);
			}
			return 0;
		}

	}

}
