package org.ceprint.commandline.internal;

import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

	@Bean
	CommandExitCode commandExitCode() {
		return new CommandExitCode();
	}

	@Bean
	@ConditionalOnProperty(ENABLED_PROPERTY)
	CommandLineRunner ceprintCommandRunner(AutowireCapableBeanFactory beanFactory, CommandExitCode exitCode) {
		return (args) -> {
			CommandLine commandLine = CeprintCommand.commandLine(new SpringCommandFactory(beanFactory));
			int code = commandLine.execute(withoutSpringProperties(args));
			// after a usage error picocli has printed the usage; there is no command to
			// ask
			CommandLine.ParseResult parsed = commandLine.getParseResult();
			Object command = (parsed != null && parsed.subcommand() != null)
					? parsed.subcommand().commandSpec().userObject() : null;
			exitCode.set(code, (command instanceof ServingCommand serving) && serving.keepsServing());
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

	private record SpringCommandFactory(AutowireCapableBeanFactory beanFactory) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			// constructor injection for commands; picocli's own types keep picocli's
			// factory
			return type.isAnnotationPresent(CommandLine.Command.class) ? this.beanFactory.createBean(type)
					: CommandLine.defaultFactory().create(type);
		}

	}

}
