package org.ceprint.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import org.ceprint.CeprintApplication;
import org.ceprint.commandline.internal.CeprintCommand;
import org.ceprint.commandline.internal.CommandApplication;
import org.ceprint.commandline.internal.CommandLineRunnerConfiguration;
import org.ceprint.commandline.internal.OptionRefusals;
import org.ceprint.commandline.internal.ServingCommand;
import org.ceprint.commandline.internal.StartChecks;

/**
 * The jar's command line. It parses and checks the command first, without Spring, so that
 * help and refused options answer at once; only then does it start the application, and
 * only as much of it as the command needs ({@link CommandApplication}).
 */
public final class CeprintCommandLine {

	private CeprintCommandLine() {
	}

	/** The jar's entry point (the Boot plugin's {@code mainClass}). */
	public static void main(String[] args) {
		launch(CeprintApplication.class, args);
	}

	public static void launch(Class<?> applicationClass, String[] args) {
		CommandLine commandLine = CeprintCommand.commandLine(new CeprintCommand.ServicelessFactory());
		String[] commandArgs = CommandLineRunnerConfiguration.withoutSpringProperties(args);
		ParseResult parsed;
		try {
			parsed = commandLine.parseArgs(commandArgs);
		}
		catch (ParameterException ex) {
			System.exit(OptionRefusals.refuse(ex));
			return;
		}
		Integer help = CommandLine.executeHelpRequest(parsed);
		if (help != null) {
			System.exit(help);
		}
		while (parsed.hasSubcommand()) {
			parsed = parsed.subcommand();
		}
		CommandLine chosen = parsed.commandSpec().commandLine();
		Object command = chosen.getCommand();
		if (!(command instanceof Runnable || command instanceof Callable)) {
			System.exit(OptionRefusals.missingSubcommand(chosen));
		}
		if (command instanceof StartChecks checks) {
			OptionalInt refused = checks.refusal();
			if (refused.isPresent()) {
				System.exit(refused.getAsInt());
			}
			if (!checks.needsApplication()) {
				System.exit(commandLine.execute(commandArgs));
			}
		}
		String[] applicationArgs = args;
		if (command instanceof StartChecks checks && !checks.settings().isEmpty()) {
			List<String> withSettings = new ArrayList<>(List.of(args));
			checks.settings().forEach((name, value) -> withSettings.add("--" + name + "=" + value));
			applicationArgs = withSettings.toArray(String[]::new);
		}
		boolean serving = (command instanceof ServingCommand servingCommand) && servingCommand.keepsServing();
		Class<?> commandApplication = (command instanceof StartChecks checks)
				? checks.application().orElse(applicationClass) : applicationClass;
		CommandApplication.run(applicationClass, commandApplication, applicationArgs, serving);
	}

}
