package org.ceprint.commandline.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.ceprint.printing.PartitionStatus;
import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRunResult;

/**
 * What the command line prints after a run, in Chinese for the operators: the first line
 * says whether the run completed and, if not, why; a run that did not complete ends with
 * the command that finishes it.
 */
final class Reports {

	private static final Map<String, String> KIND_LABELS = Map.of("CERTIFICATE", "继续教育证书", "REGISTER_CARD", "继续教育登记卡",
			"SUMMARY_TABLE", "登记汇总表（一式三份）", "SEAL_OVERLAY", "验证专用章套印页", "RETURN_SLIP", "退回单");

	private Reports() {
	}

	static String printRun(PrintRunResult result) {
		StringBuilder text = new StringBuilder();
		String folder = result.folder().toAbsolutePath().normalize().toString();
		if (result.complete()) {
			text.append("打印批次已完成（批次 %d%s）：%s\n".formatted(result.runId(), result.resumed() ? "，续打" : "", folder));
		}
		else {
			text.append("打印批次未完成（批次 %d）：%s\n".formatted(result.runId(), result.failure()));
			text.append("  目录：").append(folder).append("（没有 _COMPLETE，不可交付）\n");
		}
		if (result.resumed()) {
			text.append("  本次续打：").append(counts(result.printedByKind())).append('\n');
			text.append("  整个批次：").append(counts(result.runTotalByKind())).append('\n');
		}
		else {
			result.printedByKind()
				.forEach((kind, count) -> text.append("  ")
					.append(KIND_LABELS.getOrDefault(kind, kind))
					.append("：")
					.append(count)
					.append(" 份\n"));
		}
		if (result.printed() == 0 && result.complete() && !result.resumed()) {
			text.append("  ").append(nothingPrinted(result)).append('\n');
		}
		double seconds = result.elapsed().toMillis() / 1000.0;
		text.append("  %s %.1f 秒".formatted(result.resumed() ? "本次用时" : "用时", seconds));
		if (result.printed() > 0 && seconds > 0) {
			text.append("，%.1f 份/秒".formatted(result.printed() / seconds));
		}
		text.append('\n');
		if (result.preflight() != null) {
			text.append("  ").append(result.preflight()).append('\n');
		}
		result.heldByOtherRuns()
			.forEach((other, count) -> text.append("  跳过 %d 份：正由打印批次 %d 打印（尚未完成），本批次不重复打印\n".formatted(count, other)));
		if (result.rejected() > 0) {
			text.append("  未打印 ").append(result.rejected()).append(" 条记录，原因见 rejects.csv\n");
		}
		if (!result.complete()) {
			String log = System.getProperty("LOG_FILE");
			if (log != null) {
				text.append("  详细信息见日志 ").append(Path.of(log).toAbsolutePath().normalize()).append('\n');
			}
			text.append("  已写完的文件完好，续打时不会重印；继续：")
				.append(command())
				.append(" print resume ")
				.append(result.runId())
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * {@code print status}: the run's progress, then one line per partition of its
	 * by-city steps, with the worker that holds it in a remote run.
	 */
	static String printStatus(PrintProgress progress, List<PartitionStatus> partitions) {
		StringBuilder text = new StringBuilder();
		text.append(
				"打印批次 %d（%s）：%s\n".formatted(progress.runId(), progress.complete() ? "已完成" : "未完成", progress.folder()));
		text.append("  已打印 %d 份%s，未打印 %d 条\n".formatted(progress.printed(),
				(progress.planned() != null) ? "（共 " + progress.planned() + " 份）" : "", progress.rejected()));
		if (partitions.isEmpty()) {
			text.append("  尚无分区（作业未开始，或只有不分区的文件）\n");
			return text.toString();
		}
		text.append("  %-6s %-12s %-8s %6s %4s  %s\n".formatted("文件", "分区", "状态", "已写", "发送", "工作进程"));
		for (PartitionStatus partition : partitions) {
			text.append("  %-6s %-12s %-8s %6d %4s  %s\n".formatted(partition.kind(), partition.partition(),
					partition.statusText(), partition.written(),
					(partition.dispatches() > 0) ? String.valueOf(partition.dispatches()) : "-",
					(partition.worker() != null) ? partition.worker() : "-"));
		}
		return text.toString();
	}

	private static String nothingPrinted(PrintRunResult result) {
		if (!result.heldByOtherRuns().isEmpty()) {
			return "没有打印任何文件：所选记录正由其他打印批次打印";
		}
		if (result.rejected() > 0) {
			return "没有打印任何文件：所选记录都未打印，原因见 rejects.csv";
		}
		if (result.job() == PrintJob.CERTIFICATES) {
			return "没有需要打印的证书（已打印过的证书不再重复打印，可用 --reprint）";
		}
		if (result.job() == PrintJob.SEAL_OVERLAYS) {
			return "没有需要套印的验证专用章";
		}
		return "所选范围内没有需要打印的文件";
	}

	private static String counts(Map<String, Integer> byKind) {
		if (byKind.isEmpty()) {
			return "无";
		}
		StringJoiner joined = new StringJoiner("、");
		byKind.forEach((kind, count) -> joined.add(KIND_LABELS.getOrDefault(kind, kind) + " " + count + " 份"));
		return joined.toString();
	}

	/** How the operator started this jar, to name the command that continues. */
	static String command() {
		String classPath = System.getProperty("java.class.path", "");
		return (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator))
				? "java -jar " + classPath : "ceprint";
	}

}
