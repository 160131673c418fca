package org.ceprint.commandline;

import java.util.Map;
import java.util.TreeMap;

import org.ceprint.printing.PrintRunResult;

/**
 * What the command line prints after a run, in Chinese for the operators.
 */
final class Reports {

	private static final Map<String, String> KIND_LABELS = Map.of("CERTIFICATE", "继续教育证书", "REGISTER_CARD", "继续教育登记卡",
			"SUMMARY_TABLE", "登记汇总表（一式三份）", "SEAL_OVERLAY", "验证专用章套印页", "RETURN_SLIP", "退回单");

	private Reports() {
	}

	static String printRun(PrintRunResult result) {
		StringBuilder text = new StringBuilder();
		text.append(result.complete() ? "打印批次已完成：" : "打印批次未完成（状态 " + result.batchStatus() + "）：")
			.append(result.folder().toAbsolutePath().normalize())
			.append('\n');
		new TreeMap<>(result.printedByKind()).forEach((kind, count) -> text.append("  ")
			.append(KIND_LABELS.getOrDefault(kind, kind))
			.append("：")
			.append(count)
			.append(" 份\n"));
		if (result.printed() == 0) {
			text.append("  没有需要打印的文件（已打印过的证书不再重复打印，可用 --reprint）\n");
		}
		double seconds = result.elapsed().toMillis() / 1000.0;
		text.append("  用时 %.1f 秒".formatted(seconds));
		if (result.printed() > 0 && seconds > 0) {
			text.append("，%.1f 份/秒".formatted(result.printed() / seconds));
		}
		text.append('\n');
		if (result.rejected() > 0) {
			text.append("  未打印 ").append(result.rejected()).append(" 条记录，原因见 rejects.csv\n");
		}
		return text.toString();
	}

}
