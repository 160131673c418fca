package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;

/**
 * Why a print run stopped, in one line an operator can act on: which document kind and
 * city, which file, and what kind of fault, without library text or personal data. The
 * details go to the log.
 */
public final class PrintRunFailures {

	/** Step name prefixes, the kind they print, and the stem of their file names. */
	private static final Map<String, String[]> STEPS = Map.of("certificates", new String[] { "继续教育证书", "certificates" },
			"registerCards", new String[] { "继续教育登记卡", "register-cards" }, "sealOverlays",
			new String[] { "验证专用章套印页", "seal-overlays" }, "summaryTables", new String[] { "登记汇总表", "summary-tables" },
			"returnSlips", new String[] { "退回单", "return-slips" });

	private PrintRunFailures() {
	}

	public static String describe(JobExecution execution) {
		Optional<StepExecution> failed = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus().isUnsuccessful() || !step.getFailureExceptions().isEmpty())
			// a partition's worker says more than the step that manages it
			.max(Comparator.comparing((StepExecution step) -> step.getStepName().contains(":"))
				.thenComparing(StepExecution::getId));
		if (failed.isEmpty()) {
			List<Throwable> faults = execution.getAllFailureExceptions();
			return faults.isEmpty() ? "打印批次被中止（状态 %s）".formatted(execution.getStatus())
					: "打印批次未能开始：" + category(faults.get(0));
		}
		StepExecution step = failed.get();
		List<Throwable> faults = step.getFailureExceptions();
		if (!faults.isEmpty() && faults.get(0) instanceof RunPreflight.PreflightFailedException preflight) {
			return "发布前检查未通过：" + preflight.getMessage();
		}
		String where = where(step);
		if (faults.isEmpty()) {
			// a partition the manager of a remote run gave up says why in its exit status
			String description = step.getExitStatus().getExitDescription();
			return where + (description.startsWith("分区") ? "未完成：" + description : "被中止");
		}
		return where + "时出错：" + category(faults.get(0));
	}

	private static String where(StepExecution step) {
		String name = step.getStepName();
		if (name.startsWith("preflight")) {
			return "发布前检查";
		}
		if (name.startsWith("finishRun")) {
			return "写分发清单、manifest.csv 和完成标记";
		}
		for (Map.Entry<String, String[]> known : STEPS.entrySet()) {
			if (name.startsWith(known.getKey())) {
				String city = step.getExecutionContext().containsKey(PrintJobsConfiguration.CITY)
						? step.getExecutionContext().getString(PrintJobsConfiguration.CITY) : null;
				int file = step.getExecutionContext().getInt(known.getValue()[1] + ".files", 0) + 1;
				return "打印「%s」%s第 %d 个文件".formatted(known.getValue()[0], (city != null) ? "（" + city + "）" : "", file);
			}
		}
		return "执行步骤 " + name;
	}

	/** The kind of fault, from the causes of the exception. */
	static String category(Throwable fault) {
		for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
			if (cause instanceof RemotePartitions.BrokerUnreachableException
					|| cause instanceof PartitionTakenOverException) {
				// their own words, written for the operator
				return cause.getMessage();
			}
			if (cause instanceof OutOfMemoryError) {
				return "内存不足（可加大 java -Xmx，或减小 ceprint.printing.documents-per-file）";
			}
			if (cause instanceof DataAccessException || cause instanceof SQLException) {
				return "数据库出错";
			}
			if (cause instanceof IOException || cause instanceof UncheckedIOException) {
				return "读写文件出错（磁盘已满或没有写权限？）";
			}
		}
		return "程序内部错误";
	}

}
