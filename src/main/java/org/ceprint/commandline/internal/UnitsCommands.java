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
import org.ceprint.registry.Enrolment;
import org.ceprint.registry.UnitRegister;

import static org.ceprint.commandline.internal.RegisterCommands.actor;

/**
 * {@code units}: the 单位和基地名册 of an office's city — imported from a workbook, a unit
 * changed or closed, a department registered ({@link RegisterCommands}).
 */
final class UnitsCommands {

	private UnitsCommands() {
	}

	@Command(name = "units", mixinStandardHelpOptions = true, description = "单位和基地名册：导入本市的单位和继续教育基地，或撤销单位",
			subcommands = { UnitsImport.class, UnitsUpdate.class, UnitsClose.class, UnitsDepartment.class })
	static class Units {

	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "导入单位和基地名册（Excel 或 CSV），或用 --template 生成空白模板")
	static class UnitsImport extends RegisterCommands.Import {

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

		private final UnitRegister units;

		private final Clock clock;

		@Parameters(paramLabel = "统一社会信用代码", description = "要撤销的单位或基地")
		String creditCode;

		@Option(names = "--office", required = true, paramLabel = "代码", description = "办理的人社部门代码")
		String office;

		@Option(names = "--on", paramLabel = "日期", description = "撤销日期（默认今天），如 2026-11-30")
		LocalDate on;

		@Option(names = "--by", paramLabel = "经办人", description = "经办人（记入审计，默认当前系统用户）")
		String by;

		UnitsClose(UnitRegister units, Clock clock) {
			this.units = units;
			this.clock = clock;
		}

		@Override
		public Integer call() {
			Enrolment.RegisteredUnit unit = this.units.close(this.office, this.creditCode.strip(),
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
					new UnitRegister.UnitChanges(this.name, this.department, this.address, this.contactName,
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

}
