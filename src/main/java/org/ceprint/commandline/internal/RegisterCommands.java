package org.ceprint.commandline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.intake.ImportReport;
import org.ceprint.intake.RegisterImports;
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.Issuance;

/**
 * What an office records of its own from the command line: {@code units} (单位和基地名册),
 * {@code people} (人员名册 and transfers) and {@code issue} (发放). Refusals of the services (a
 * unit of another city, a closed unit, a person holding a certificate) are not caught
 * here: the command line prints them and exits with 2
 * ({@link CeprintCommand#commandLine}).
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

	@Command(name = "units", mixinStandardHelpOptions = true, description = "单位和基地名册：导入本市的单位和继续教育基地，或撤销单位",
			subcommands = { UnitsImport.class, UnitsUpdate.class, UnitsClose.class, UnitsDepartment.class })
	static class Units {

	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "导入单位和基地名册（Excel 或 CSV），或用 --template 生成空白模板")
	static class UnitsImport extends Import {

		UnitsImport(RegisterImports imports) {
			super(imports);
		}

		@Override
		String what() {
			return "单位和基地名册";
		}

		@Override
		void writeTemplate(OutputStream out) throws IOException {
			RegisterImports.writeUnitTemplate(out);
		}

		@Override
		ImportReport importFile(Path errorWorkbook) throws IOException {
			return this.imports.importUnits(this.file, errorWorkbook, this.office, actor(this.by));
		}

	}

	@Command(name = "close", mixinStandardHelpOptions = true, description = "撤销单位或基地：保留其人员和历史，不再登记新人员（有人员的单位不能删除）")
	static class UnitsClose implements Callable<Integer> {

		private final Enrolment enrolment;

		private final Clock clock;

		@Parameters(paramLabel = "统一社会信用代码", description = "要撤销的单位或基地")
		String creditCode;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "办理的人社部门代码")
		String office;

		@Option(names = "--on", paramLabel = "日期", description = "撤销日期（默认今天），如 2026-11-30")
		LocalDate on;

		@Option(names = "--by", paramLabel = "经办人", description = "经办人（记入审计，默认当前系统用户）")
		String by;

		UnitsClose(Enrolment enrolment, Clock clock) {
			this.enrolment = enrolment;
			this.clock = clock;
		}

		@Override
		public Integer call() {
			Enrolment.RegisteredUnit unit = this.enrolment.close(this.office, this.creditCode.strip(),
					(this.on != null) ? this.on : LocalDate.now(this.clock), actor(this.by));
			System.out.println("已撤销%s「%s」（自 %s 起）".formatted(unit.kind().label(), unit.name(), unit.closedOn()));
			return 0;
		}

	}

	@Command(name = "update", mixinStandardHelpOptions = true,
			description = "修改单位或基地的名称、主管部门、地址或联系人（统一社会信用代码和类别不变；记入审计）")
	static class UnitsUpdate implements Callable<Integer> {

		private final RegisterImports imports;

		@Parameters(paramLabel = "统一社会信用代码", description = "要修改的单位或基地")
		String creditCode;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "办理的人社部门代码")
		String office;

		@Option(names = "--name", paramLabel = "名称", description = "新名称")
		String name;

		@Option(names = "--department", paramLabel = "部门", description = "主管部门（本市尚未登记的随之登记；空字符串清除）")
		String department;

		@Option(names = "--address", paramLabel = "地址", description = "地址（空字符串清除）")
		String address;

		@Option(names = "--contact-name", paramLabel = "联系人", description = "联系人（空字符串清除）")
		String contactName;

		@Option(names = "--contact-phone", paramLabel = "电话", description = "联系电话（空字符串清除）")
		String contactPhone;

		@Option(names = "--by", paramLabel = "经办人", description = "经办人（记入审计，默认当前系统用户）")
		String by;

		UnitsUpdate(RegisterImports imports) {
			this.imports = imports;
		}

		@Override
		public Integer call() {
			Enrolment.RegisteredUnit unit = this.imports.updateUnit(this.office, this.creditCode,
					new Enrolment.UnitChanges(this.name, this.department, this.address, this.contactName,
							this.contactPhone),
					actor(this.by));
			System.out.println("已修改%s「%s」（%s）".formatted(unit.kind().label(), unit.name(), unit.creditCode()));
			return 0;
		}

	}

	@Command(name = "department", mixinStandardHelpOptions = true, description = "登记本市的行政主管部门（导入单位时，名册中的主管部门也会随之登记）")
	static class UnitsDepartment implements Callable<Integer> {

		private final RegisterImports imports;

		@Parameters(paramLabel = "名称", description = "主管部门全称")
		String name;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "办理的人社部门代码")
		String office;

		@Option(names = "--by", paramLabel = "经办人", description = "经办人（记入审计，默认当前系统用户）")
		String by;

		UnitsDepartment(RegisterImports imports) {
			this.imports = imports;
		}

		@Override
		public Integer call() {
			this.imports.addDepartment(this.office, this.name, actor(this.by));
			System.out.println("已登记主管部门「%s」（%s）".formatted(this.name.strip(), this.office));
			return 0;
		}

	}

	@Command(name = "people", mixinStandardHelpOptions = true, description = "人员名册：导入本市单位的专业技术人员，或办理调动",
			subcommands = { PeopleImport.class, PeopleTransfer.class })
	static class People {

	}

	@Command(name = "import", mixinStandardHelpOptions = true, description = "导入人员名册（Excel 或 CSV），或用 --template 生成空白模板")
	static class PeopleImport extends Import {

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

		private final Enrolment enrolment;

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

		PeopleTransfer(Enrolment enrolment, Clock clock) {
			this.enrolment = enrolment;
			this.clock = clock;
		}

		@Override
		public Integer call() {
			Enrolment.Transfer transfer = this.enrolment.transfer(this.office, this.idNumber.strip(), this.to.strip(),
					(this.on != null) ? this.on : LocalDate.now(this.clock), actor(this.by));
			System.out.println("已办理调动：自 %s 起由%s「%s」（%s）调到「%s」（%s）；证书继续有效%s".formatted(transfer.movedOn(),
					transfer.from().kind().label(), transfer.from().name(), transfer.from().channelName(),
					transfer.to().name(), transfer.to().channelName(),
					transfer.betweenCities() ? "，此后由" + transfer.to().channelName() + "人社部门办理其事项" : ""));
			return 0;
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
