package org.ceprint.commandline;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.ceprint.CeprintApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application for one command of the jar's command line.
 * <p>
 * {@code demo} and {@code serve} run the web server and keep running; every other command
 * runs without a web server and exits with the command's exit code.
 */
public final class CeprintCommandLine {

	private static final Set<String> SERVING_COMMANDS = Set.of("demo", "serve");

	private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help", "-V", "--version");

	private CeprintCommandLine() {
	}

	/** The jar's entry point (the Boot plugin's {@code mainClass}). */
	public static void main(String[] args) {
		launch(CeprintApplication.class, args);
	}

	public static void launch(Class<?> applicationClass, String[] args) {
		String command = Arrays.stream(args).filter((arg) -> !arg.startsWith("-")).findFirst().orElse("");
		boolean helpOnly = Arrays.stream(args).anyMatch(HELP_OPTIONS::contains);
		if (command.isEmpty() || !CeprintCommand.knows(command) || helpOnly) {
			System.exit(CeprintCommand.printUsage(args));
		}
		// keys and offline checks must work where there is no database
		if (command.equals("keys") || (command.equals("verify") && Arrays.asList(args).contains("--offline"))) {
			System.exit(CeprintCommand.runWithoutApplication(args));
		}
		// demo --no-serve prints and exits: it must not need the port
		boolean serving = SERVING_COMMANDS.contains(command) && !Arrays.asList(args).contains("--no-serve");
		SpringApplication application = new SpringApplication(applicationClass);
		application.setWebApplicationType(serving ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		// operators read the command's own summary; Spring's start-up log only at WARN
		// unless asked for
		application
			.setDefaultProperties(Map.of(CommandLineRunnerConfiguration.ENABLED_PROPERTY, "true", "logging.level.root",
					"WARN", "logging.level.org.ceprint", "INFO", "spring.main.log-startup-info", "false",
					// the console shows one line a message; the file keeps the details
					// (logback-spring.xml)
					"logging.file.name", "${ceprint.data-dir}/logs/ceprint.log"));
		ConfigurableApplicationContext context = application.run(args);
		CommandExitCode exitCode = context.getBean(CommandExitCode.class);
		if (!serving || exitCode.value() != 0 || !exitCode.keepServing()) {
			System.exit(SpringApplication.exit(context, exitCode::value));
		}
	}

}
