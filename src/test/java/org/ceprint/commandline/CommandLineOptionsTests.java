package org.ceprint.commandline;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

import org.ceprint.commandline.internal.CeprintCommand;
import org.ceprint.commandline.internal.CommandLineRunnerConfiguration;
import org.ceprint.commandline.internal.OptionRefusals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option of every command, written {@code --option=value} with a value holding a
 * dot where its type allows one, reaches the command: Spring's own properties are told
 * apart by name, not by the dot.
 */
class CommandLineOptionsTests {

	@TestFactory
	Stream<DynamicTest> everyOptionTakesItsValueInTheEqualsForm() {
		List<DynamicTest> tests = new ArrayList<>();
		collect(commandLine().getCommandSpec(), new ArrayList<>(), tests);
		assertThat(tests).hasSizeGreaterThan(20);
		return tests.stream();
	}

	private void collect(CommandSpec spec, List<String> path, List<DynamicTest> tests) {
		for (OptionSpec option : spec.options()) {
			if (option.usageHelp() || option.versionHelp() || option.arity().max() == 0) {
				continue;
			}
			String value = sampleValue(option.type());
			String name = option.longestName();
			List<String> args = new ArrayList<>(path);
			args.add(name + "=" + value);
			// what the command requires besides: its other required options, one option
			// of
			// each required group, and its parameters
			for (OptionSpec other : spec.options()) {
				if (other != option && other.required() && other.group() == null) {
					args.add(other.longestName() + "=" + sampleValue(other.type()));
				}
			}
			for (ArgGroupSpec group : spec.argGroups()) {
				boolean chosen = group.options().contains(option);
				if (group.multiplicity().min() > 0 && !chosen) {
					OptionSpec first = group.options().iterator().next();
					args.add(first.longestName() + "=" + sampleValue(first.type()));
				}
			}
			for (PositionalParamSpec parameter : spec.positionalParameters()) {
				if (parameter.arity().min() > 0) {
					args.add(sampleValue(parameter.type()));
				}
			}
			tests.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
				String[] kept = CommandLineRunnerConfiguration.withoutSpringProperties(args.toArray(String[]::new));
				assertThat(kept).containsExactlyElementsOf(args);
				CommandLine.ParseResult parsed = commandLine().parseArgs(kept);
				while (parsed.hasSubcommand()) {
					parsed = parsed.subcommand();
				}
				Object parsedValue = parsed.matchedOptionValue(name, null);
				if (parsedValue instanceof List<?> list) {
					parsedValue = list.get(0);
				}
				assertThat(String.valueOf(parsedValue)).as(String.join(" ", args)).isEqualTo(expected(value));
			}));
		}
		spec.subcommands().forEach((subName, sub) -> {
			if (sub.getCommandSpec().aliases().length > 0 && !sub.getCommandName().equals(subName)) {
				return;
			}
			List<String> subPath = new ArrayList<>(path);
			subPath.add(subName);
			collect(sub.getCommandSpec(), subPath, tests);
		});
	}

	@Test
	void springPropertiesAreRecognisedByTheirNamesAlone() {
		String[] kept = CommandLineRunnerConfiguration.withoutSpringProperties(new String[] { "import", "a.xlsx",
				"--spring.datasource.url=jdbc:h2:mem:x", "--ceprint.data-dir=./d", "--server.port=8081",
				"--management.server.port=9", "--logging.level.root=warn", "--errors=out.xlsx", "--ceprint" });
		assertThat(kept).containsExactly("import", "a.xlsx", "--errors=out.xlsx", "--ceprint");
	}

	@Test
	void everyHelpTextIsChineseWithoutPicocliEnglish() {
		List<String> texts = new ArrayList<>();
		collectUsage(commandLine(), texts);
		assertThat(texts).hasSizeGreaterThan(20);
		for (String text : texts) {
			assertThat(text).contains("用法：", "显示本帮助并退出")
				.doesNotContain("Usage", "Commands:", "Show this help message", "Print version information",
						"[COMMAND]", "Default:");
		}
		assertThat(commandLine().getUsageMessage()).contains("命令：", "[命令]", "显示版本信息并退出");
	}

	@Test
	void refusedCommandLinesAreExplainedInChinese() {
		assertThat(refusal("print", "--bogus")).isEqualTo("未知选项 --bogus");
		assertThat(refusal("prnt")).startsWith("未知命令 prnt").contains("print");
		assertThat(refusal("verify")).isEqualTo("缺少必需的参数：文件");
		assertThat(refusal("reissue", "lookup", "--clerk", "甲")).isEqualTo("缺少必需的选项：--office");
		assertThat(refusal("print", "certificates", "--city")).isEqualTo("选项 --city 缺少取值");
		assertThat(refusal("demo", "--people", "很多")).isEqualTo("选项 --people 的值「很多」无效：须为整数");
		assertThat(refusal("export", "assessments", "--city", "360100", "--unit", "x", "--year", "2025"))
			.isEqualTo("--unit、--city 不能同时使用，只能给出其中一个");
		assertThat(refusal("export", "assessments", "--year", "2025")).isEqualTo("须给出其中一个：--unit、--city");
		assertThat(refusal("verify", "a.pdf", "--page", "1", "--page", "2")).isEqualTo("选项 --page 只能给一次");
		assertThat(refusal("import", "a.xlsx", "b.xlsx")).isEqualTo("多余的参数 b.xlsx");
	}

	private static String refusal(String... args) {
		try {
			commandLine().parseArgs(args);
		}
		catch (CommandLine.ParameterException ex) {
			String reason = OptionRefusals.reason(ex);
			assertThat(reason).as(String.join(" ", args)).doesNotContainPattern("[A-Z][a-z]+ [a-z]+");
			return reason;
		}
		throw new AssertionError("accepted: " + String.join(" ", args));
	}

	private static void collectUsage(CommandLine line, List<String> texts) {
		texts.add(line.getUsageMessage(CommandLine.Help.Ansi.OFF));
		line.getSubcommands().values().forEach((sub) -> collectUsage(sub, texts));
	}

	private static CommandLine commandLine() {
		return CeprintCommand.commandLine(new CeprintCommand.ServicelessFactory());
	}

	private static String sampleValue(Class<?> type) {
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "360100";
		}
		if (type == BigDecimal.class || type == double.class) {
			return "1.5";
		}
		if (type == LocalDate.class) {
			return "2026-01-02";
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0].toString();
		}
		if (type == Path.class) {
			return "./out.d/list.v2.csv";
		}
		return "a.b.c";
	}

	private static String expected(String value) {
		return value.startsWith("./") ? Path.of(value).toString() : value;
	}

}
