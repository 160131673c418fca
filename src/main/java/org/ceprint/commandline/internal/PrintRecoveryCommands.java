package org.ceprint.commandline.internal;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.printing.PrintRuns;

/**
 * {@code print resume} and {@code print abandon}: what an operator does with a run that
 * did not finish.
 */
final class PrintRecoveryCommands {

	private PrintRecoveryCommands() {
	}

	@Command(name = "resume", mixinStandardHelpOptions = true, description = "续打：从中断处继续一个被中断（崩溃、断电、强行结束）的打印批次")
	static class Resume implements Callable<Integer> {

		private final PrintRuns printRuns;

		@Parameters(paramLabel = "批次号", arity = "0..1", description = "打印批次号（默认：最近一个未完成的批次）")
		Long runId;

		@Option(names = "--force", description = "批次一分钟内仍有进度时也续打（须确认原进程已退出）")
		boolean force;

		Resume(PrintRuns printRuns) {
			this.printRuns = printRuns;
		}

		@Override
		public Integer call() throws Exception {
			return PrintCommand.report(this.printRuns,
					(onRunKnown) -> this.printRuns.resume(this.runId, this.force, onRunKnown));
		}

	}

	@Command(name = "abandon", mixinStandardHelpOptions = true, description = "放弃一个未完成的打印批次：已打印的保持已打印，其余所选记录释放给新的打印批次")
	static class Abandon implements Callable<Integer> {

		private final PrintRuns printRuns;

		@Parameters(paramLabel = "批次号", description = "要放弃的打印批次号")
		long runId;

		@Option(names = "--force", description = "批次一分钟内仍有进度时也放弃（须确认原进程已退出）")
		boolean force;

		Abandon(PrintRuns printRuns) {
			this.printRuns = printRuns;
		}

		@Override
		public Integer call() throws Exception {
			int released = this.printRuns.abandon(this.runId, this.force);
			System.out.println("已放弃打印批次 %d：释放 %d 份未打印的记录，可由新的打印批次打印".formatted(this.runId, released));
			return 0;
		}

	}

}
