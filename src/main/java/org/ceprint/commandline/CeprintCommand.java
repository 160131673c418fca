package org.ceprint.commandline;

import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.objenesis.Objenesis;
import org.springframework.objenesis.ObjenesisStd;

/**
 * {@code java -jar ceprint.jar <command>}: the top of the command line.
 */
@Command(name = "ceprint", mixinStandardHelpOptions = true, version = "ceprint 0.1",
		description = "江西省专业技术人员继续教育登记考核 · 证书、登记卡与登记汇总表打印服务",
		subcommands = { DemoCommand.class, ServeCommand.class, PrintCommand.class, SamplesCommand.class,
				VerifyCommand.class, KeysCommand.class, ReissueCommand.class, ImportCommand.class, ExportCommand.class,
				AccountCommand.class },
		footer = { "", "Spring 配置项可附在命令后，例如：", "  --server.port=8081", "  --spring.profiles.active=mariadb" })
class CeprintCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

	static CommandLine commandLine(CommandLine.IFactory factory) {
		CommandLine commandLine = new CommandLine(CeprintCommand.class, factory);
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			line.getErr().println(line.getColorScheme().errorText("错误：" + ex.getMessage()));
			return 1;
		});
		return commandLine;
	}

	static boolean knows(String name) {
		return Arrays.stream(CeprintCommand.class.getAnnotation(Command.class).subcommands())
			.map((type) -> type.getAnnotation(Command.class).name())
			.anyMatch(name::equals);
	}

	/**
	 * Prints help, or an error for an unknown command, without starting the application.
	 */
	static int printUsage(String[] args) {
		return new CommandLine(CeprintCommand.class, new ServicelessFactory())
			.execute(CommandLineRunnerConfiguration.withoutSpringProperties(args));
	}

	/**
	 * Runs a command that needs no application (keys, an offline check) and returns its
	 * exit code.
	 */
	static int runWithoutApplication(String[] args) {
		return commandLine(new ServicelessFactory())
			.execute(CommandLineRunnerConfiguration.withoutSpringProperties(args));
	}

	/**
	 * Builds commands without their services: for their help texts, and for the commands
	 * that need none.
	 */
	static final class ServicelessFactory implements CommandLine.IFactory {

		private final Objenesis objenesis = new ObjenesisStd();

		@Override
		public <K> K create(Class<K> type) throws Exception {
			return type.isAnnotationPresent(Command.class) ? this.objenesis.newInstance(type)
					: CommandLine.defaultFactory().create(type);
		}

	}

}
