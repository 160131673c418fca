package org.ceprint.commandline.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import picocli.CommandLine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the command named on the jar's command line once the application has started. Only
 * the jar's main method switches this on, so tests that start the application run no
 * command.
 */
@Configuration(proxyBeanMethods = false)
public class CommandLineRunnerConfiguration {

	static final String ENABLED_PROPERTY = "ceprint.command-line.enabled";

	/** Set when a command starts without Flyway: check the schema before it runs. */
	static final String SCHEMA_CHECK_PROPERTY = "ceprint.command-line.schema-check";

	@Bean
	CommandExitCode commandExitCode() {
		return new CommandExitCode();
	}

	@Bean
	@ConditionalOnProperty(ENABLED_PROPERTY)
	CommandLineRunner ceprintCommandRunner(AutowireCapableBeanFactory beanFactory, CommandExitCode exitCode) {
		return (args) -> {
			String[] commandArgs = withoutSpringProperties(args);
			CommandLine commandLine = CeprintCommand
				.commandLine(new SpringCommandFactory(beanFactory, chosenCommands(commandArgs)));
			int code = commandLine.execute(commandArgs);
			// after a usage error picocli has printed the usage; there is no command to
			// ask
			CommandLine.ParseResult parsed = commandLine.getParseResult();
			Object command = (parsed != null && parsed.subcommand() != null)
					? parsed.subcommand().commandSpec().userObject() : null;
			exitCode.set(code, (command instanceof ServingCommand serving) && serving.keepsServing());
		};
	}

	/**
	 * Before any runner (the demo accounts', the command's): a command started without
	 * Flyway on a database that lacks migrations is abandoned, to start again with Flyway
	 * ({@link CommandApplication}).
	 */
	@Bean
	@ConditionalOnProperty(SCHEMA_CHECK_PROPERTY)
	ApplicationListener<ApplicationStartedEvent> schemaCheck(ObjectProvider<DataSource> dataSource) {
		return (event) -> {
			ConfigurableApplicationContext context = event.getApplicationContext();
			if (!SchemaCheck.current(dataSource.getObject(), context, context, context.getEnvironment())) {
				throw new SpringApplication.AbandonedRunException(context);
			}
		};
	}

	/** The prefixes of the Spring properties a command line may set. */
	static final List<String> SPRING_PROPERTY_PREFIXES = List.of("--spring.", "--ceprint.", "--server.",
			"--management.", "--logging.", "--debug", "--trace");

	/**
	 * Spring reads {@code --spring.…}, {@code --ceprint.…}, {@code --server.…},
	 * {@code --management.…} and {@code --logging.…} arguments as properties; picocli
	 * must not see them, or it would reject them as unknown options. They are recognised
	 * by name only: a command's own {@code --errors=out.xlsx} or {@code --keys=./keys}
	 * goes to the command whatever its value holds.
	 */
	public static String[] withoutSpringProperties(String[] args) {
		return Arrays.stream(args).filter((arg) -> !isSpringProperty(arg)).toArray(String[]::new);
	}

	static boolean isSpringProperty(String arg) {
		return SPRING_PROPERTY_PREFIXES.stream()
			.anyMatch((prefix) -> prefix.endsWith(".") ? arg.startsWith(prefix)
					: (arg.equals(prefix) || arg.startsWith(prefix + "=")));
	}

	/**
	 * The classes of the commands from the top to the one the arguments choose ({@code
	 * ceprint}, {@code print}, {@code print resume}), or none when they do not parse (the
	 * command line then refuses them as it would anyway).
	 */
	static Set<Class<?>> chosenCommands(String[] commandArgs) {
		Set<Class<?>> chosen = new HashSet<>();
		try {
			CommandLine.ParseResult parsed = CeprintCommand.commandLine(new CeprintCommand.ServicelessFactory())
				.parseArgs(commandArgs);
			chosen.add(parsed.commandSpec().userObject().getClass());
			while (parsed.hasSubcommand()) {
				parsed = parsed.subcommand();
				chosen.add(parsed.commandSpec().userObject().getClass());
			}
		}
		catch (CommandLine.ParameterException ex) {
			// refused again, with its message, when the command line executes
		}
		return chosen;
	}

	/**
	 * Makes the chosen commands with their services, by constructor injection, and every
	 * other command without them: a command's services are what its start costs (each one
	 * created is created with everything it needs), and only one command runs.
	 */
	private static final CommandLine.IFactory SERVICELESS = new CeprintCommand.ServicelessFactory();

	private record SpringCommandFactory(AutowireCapableBeanFactory beanFactory,
			Set<Class<?>> chosen) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			if (!type.isAnnotationPresent(CommandLine.Command.class)) {
				// picocli's own types keep picocli's factory
				return CommandLine.defaultFactory().create(type);
			}
			return this.chosen.contains(type) ? this.beanFactory.createBean(type) : SERVICELESS.create(type);
		}

	}

}
