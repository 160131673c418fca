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
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

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

	private static CommandLine commandLine() {
		return new CommandLine(CeprintCommand.class, new CeprintCommand.ServicelessFactory());
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
