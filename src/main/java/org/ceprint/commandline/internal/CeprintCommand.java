package org.ceprint.commandline.internal;

import java.util.ResourceBundle;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import org.ceprint.NotFoundException;
import org.ceprint.RefusedException;

import org.springframework.objenesis.Objenesis;
import org.springframework.objenesis.ObjenesisStd;

/**
 * {@code java -jar ceprint.jar <command>}: the top of the command line.
 */
@Command(name = "ceprint", mixinStandardHelpOptions = true, version = "ceprint 0.1",
		description = "江西省专业技术人员继续教育登记考核 · 证书、登记卡与登记汇总表打印服务",
		subcommands = { DemoCommand.class, ServeCommand.class, PrintCommand.class, SamplesCommand.class,
				VerifyCommand.class, SealsCommand.class, LinesCommand.class, KeysCommand.class, ReissueCommand.class,
				ImportCommand.class, ExportCommand.class, AccountCommand.class, UnitsCommands.Units.class,
				PeopleCommands.People.class, RegisterCommands.Issue.class, WorkerCommand.class },
		footer = { "", "Spring 配置项可附在命令后，例如：", "  --server.port=8081", "  --spring.profiles.active=mariadb" })
public class CeprintCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

	/**
	 * The command line with its commands made by {@code factory}, speaking Chinese: help
	 * texts, refused options (exit code 2) and refusals of the services (exit code 2).
	 */
	public static CommandLine commandLine(CommandLine.IFactory factory) {
		CommandLine commandLine = new CommandLine(CeprintCommand.class, factory);
		commandLine.setResourceBundle(ResourceBundle.getBundle(UsageTexts.class.getName()));
		commandLine.setParameterExceptionHandler(new OptionRefusals());
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			if (ex instanceof RefusedException || ex instanceof NotFoundException) {
				line.getErr().println(ex.getMessage());
				return OptionRefusals.EXIT_CODE;
			}
			line.getErr().println(line.getColorScheme().errorText("错误：" + ex.getMessage()));
			return 1;
		});
		return commandLine;
	}

	/**
	 * Builds commands without their services: to parse and check a command line before
	 * the application starts, and to run the commands that need none.
	 */
	public static final class ServicelessFactory implements CommandLine.IFactory {

		private final Objenesis objenesis = new ObjenesisStd();

		@Override
		public <K> K create(Class<K> type) throws Exception {
			return type.isAnnotationPresent(Command.class) ? this.objenesis.newInstance(type)
					: CommandLine.defaultFactory().create(type);
		}

	}

}
