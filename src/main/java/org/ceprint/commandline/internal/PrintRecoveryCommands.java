package org.ceprint.commandline.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ceprint.NotFoundException;
import org.ceprint.printing.PrintPartitions;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRuns;

/**
 * {@code print resume}, {@code print abandon}, {@code print status} and
 * {@code print reassign}: what an operator does with a run that did not finish, or is
 * still running.
 */
final class PrintRecoveryCommands {

	private PrintRecoveryCommands() {
	}

	@Command(name = "resume", mixinStandardHelpOptions = true, description = "续打：从中断处继续一个被中断（崩溃、断电、强行结束）的打印批次")
	static class Resume implements Callable<Integer>, StartChecks {

		private final PrintRuns printRuns;

		@Parameters(paramLabel = "批次号", arity = "0..1", description = "打印批次号（默认：最近一个未完成的批次）")
		Long runId;

		@Option(names = "--force", description = "批次一分钟内仍有进度时也续打（须确认原进程已退出）")
		boolean force;

		@Option(names = "--remote", description = "未完成的分区发给工作进程（ceprint worker）打印，而不是在本进程中打印")
		boolean remote;

		Resume(PrintRuns printRuns) {
			this.printRuns = printRuns;
		}

		@Override
		public Map<String, String> settings() {
			return this.remote ? PrintCommand.REMOTE_SETTINGS : Map.of();
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

	@Command(name = "status", mixinStandardHelpOptions = true, description = "查看打印批次的进度和各分区（市、单位范围）的状态与工作进程")
	static class Status implements Callable<Integer> {

		private final PrintRuns printRuns;

		private final PrintPartitions partitions;

		@Parameters(paramLabel = "批次号", description = "打印批次号")
		long runId;

		Status(PrintRuns printRuns, PrintPartitions partitions) {
			this.printRuns = printRuns;
			this.partitions = partitions;
		}

		@Override
		public Integer call() {
			PrintProgress progress = this.printRuns.progress(this.runId)
				.orElseThrow(() -> new NotFoundException("没有打印批次 " + this.runId));
			System.out.println(Reports.printStatus(progress, this.partitions.of(this.runId)));
			return 0;
		}

	}

	@Command(name = "reassign", mixinStandardHelpOptions = true, description = "把分布式打印批次中卡住的分区改派给其他工作进程")
	static class Reassign implements Callable<Integer> {

		private final PrintPartitions partitions;

		@Parameters(index = "0", paramLabel = "批次号", description = "打印批次号")
		long runId;

		@Parameters(index = "1", paramLabel = "分区", description = "分区名，如 360100 或 360100-p2（见 print status）")
		String partition;

		Reassign(PrintPartitions partitions) {
			this.partitions = partitions;
		}

		@Override
		public Integer call() {
			this.partitions.reassign(this.runId, this.partition);
			System.out.println(
					"已请求改派打印批次 %d 的分区 %s：管理进程下次查看时重新发送，由空闲的工作进程接手，原工作进程不能再写入".formatted(this.runId, this.partition));
			return 0;
		}

	}

}
