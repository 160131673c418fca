package org.ceprint.commandline.internal;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Refuses a command line picocli cannot parse, in Chinese and before anything starts: one
 * line saying what is wrong, one naming the help to read, exit code 2. picocli's own
 * messages are English and not localisable, so each kind of refusal is said again from
 * the exception's parts.
 */
public final class OptionRefusals implements CommandLine.IParameterExceptionHandler {

	static final int EXIT_CODE = 2;

	private static final Pattern OPTION_NAME = Pattern.compile("(?<![\\w<])(--?[A-Za-z][\\w-]*)");

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		return refuse(ex);
	}

	public static int refuse(ParameterException ex) {
		return refuse(ex.getCommandLine(), reason(ex));
	}

	/** A command that only groups others was given without one of them. */
	public static int missingSubcommand(CommandLine line) {
		return refuse(line, "缺少子命令，请选择：" + String.join("、", line.getSubcommands().keySet()));
	}

	private static int refuse(CommandLine line, String reason) {
		PrintWriter err = line.getErr();
		err.println(line.getColorScheme().errorText("错误：" + reason));
		String path = line.getCommandSpec().qualifiedName(" ");
		String sub = path.contains(" ") ? path.substring(path.indexOf(' ')) : "";
		err.println("用法见：" + Reports.command() + sub + " --help");
		err.flush();
		return EXIT_CODE;
	}

	public static String reason(ParameterException ex) {
		String message = String.valueOf(ex.getMessage());
		if (ex instanceof UnmatchedArgumentException unmatched) {
			return unmatched(ex.getCommandLine(), unmatched);
		}
		if (ex instanceof MissingParameterException missing) {
			if (message.startsWith("Missing required parameter for option")
					|| message.startsWith("Expected parameter for option")) {
				return "选项 " + name(missing.getMissing().isEmpty() ? ex.getArgSpec() : missing.getMissing().get(0))
						+ " 缺少取值";
			}
			List<ArgSpec> specs = missing.getMissing();
			boolean oneOf = specs.size() > 1 && specs.get(0).group() != null && specs.get(0).group().exclusive();
			return (oneOf ? "须给出其中一个：" : "缺少必需的" + (specs.stream().allMatch(ArgSpec::isOption) ? "选项：" : "参数："))
					+ specs.stream().map(OptionRefusals::name).collect(Collectors.joining("、"));
		}
		if (ex instanceof MutuallyExclusiveArgsException) {
			return namesIn(message) + " 不能同时使用，只能给出其中一个";
		}
		if (ex instanceof OverwrittenOptionException overwritten) {
			return "选项 " + name(overwritten.getOverwritten()) + " 只能给一次";
		}
		if (ex.getArgSpec() != null && ex.getValue() != null && message.startsWith("Invalid value")) {
			return (ex.getArgSpec().isOption() ? "选项 " : "参数 ") + name(ex.getArgSpec()) + " 的值「" + ex.getValue()
					+ "」无效：" + expected(ex.getArgSpec().type());
		}
		if (message.startsWith("Expected at most") || message.contains("should be specified only once")) {
			return "给出的值过多：" + namesIn(message);
		}
		return "命令行有误（" + message + "）";
	}

	private static String unmatched(CommandLine line, UnmatchedArgumentException unmatched) {
		List<String> arguments = unmatched.getUnmatched();
		String first = arguments.isEmpty() ? "" : arguments.get(0);
		String text;
		if (unmatched.isUnknownOption() || first.startsWith("-")) {
			text = "未知选项 " + first;
		}
		else if (!line.getSubcommands().isEmpty()) {
			text = "未知命令 " + first + "，可用的命令：" + String.join("、", line.getSubcommands().keySet());
		}
		else {
			text = "多余的参数 " + String.join(" ", arguments);
		}
		List<String> suggestions = unmatched.getSuggestions();
		return suggestions.isEmpty() ? text : text + "；是否想用：" + String.join("、", suggestions);
	}

	private static String name(ArgSpec spec) {
		return (spec instanceof OptionSpec option) ? option.longestName() : spec.paramLabel();
	}

	private static String namesIn(String message) {
		Matcher matcher = OPTION_NAME.matcher(message);
		StringBuilder names = new StringBuilder();
		while (matcher.find()) {
			names.append(names.isEmpty() ? "" : "、").append(matcher.group(1));
		}
		return names.toString();
	}

	private static String expected(Class<?> type) {
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "须为整数";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return "须为数字";
		}
		if (type.isEnum()) {
			return "须为 " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining("、"))
					+ " 之一";
		}
		if (type == LocalDate.class) {
			return "须为日期，如 2026-01-31";
		}
		return "格式不对";
	}

}
