package org.ceprint.printing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.printing.internal.PrintedDocuments.ManifestLine;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The preflight, the step before {@code finishRunStep}: every file the run recorded is
 * checked by {@link FileChecker}, {@code ceprint.printing.threads} files at once, and a
 * single fault fails the step, so the folder gets no {@code _COMPLETE} and the run is not
 * reported complete. It reads only the files and print_document, so {@code print resume}
 * simply checks again; in a remote run it runs where the job runs, on the manager.
 */
public class RunPreflight implements Tasklet {

	static final String SUMMARY = "preflight.summary";

	/** Faults listed in the message; the rest are counted (all go to the log). */
	private static final int LISTED = 5;

	private static final Log logger = LogFactory.getLog(RunPreflight.class);

	private final PrintRunStore store;

	private final PrintedDocuments documents;

	private final AuthenticityCodes codes;

	private final PrintingProperties properties;

	RunPreflight(PrintRunStore store, PrintedDocuments documents, AuthenticityCodes codes,
			PrintingProperties properties) {
		this.store = store;
		this.documents = documents;
		this.codes = codes;
		this.properties = properties;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long runId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong("runId");
		chunkContext.getStepContext().getStepExecution().getExecutionContext().putString(SUMMARY, check(runId));
		return RepeatStatus.FINISHED;
	}

	/**
	 * Checks every file the run recorded so far (in the caller's transaction, if any: the
	 * rows of a chunk not yet committed count).
	 * @return what was checked, in one line of Chinese
	 * @throws PreflightFailedException naming the faults, in Chinese
	 */
	String check(long runId) throws Exception {
		PrintingProperties.Preflight settings = this.properties.preflight();
		if (!settings.enabled()) {
			logger.warn("run %d: preflight disabled".formatted(runId));
			return "发布前检查已关闭（ceprint.printing.preflight.enabled=false）";
		}
		PrintRunRecord run = this.store.find(runId);
		Map<String, List<ManifestLine>> byFile = new LinkedHashMap<>();
		this.documents.forEachManifestLine(runId,
				(line) -> byFile.computeIfAbsent(line.fileName(), (file) -> new ArrayList<>()).add(line));
		long started = System.nanoTime();
		FileChecker checker = new FileChecker(this.codes, settings.sampleRate());
		List<FileChecker.Result> results = new ArrayList<>();
		if (byFile.size() == 1) {
			// a run of one file (a booklet at the counter) needs no pool
			byFile.forEach((file, lines) -> results.add(checker.check(run.folder().resolve(file), lines)));
		}
		else if (!byFile.isEmpty()) {
			int threads = Math.min(this.properties.effectiveThreads(), byFile.size());
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<FileChecker.Result>> checks = new ArrayList<>();
				byFile.forEach((file, lines) -> checks
					.add(pool.submit(() -> checker.check(run.folder().resolve(file), lines))));
				for (Future<FileChecker.Result> check : checks) {
					results.add(join(check));
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int checked = results.stream().mapToInt((result) -> result.documents).sum();
		int pages = results.stream().mapToInt((result) -> result.pages).sum();
		int qrCodes = results.stream().mapToInt((result) -> result.qrCodes).sum();
		int total = byFile.values().stream().mapToInt(List::size).sum();
		String summary = "发布前检查：%d 个文件的页数全部核对；%d 份文件中检查了 %d 份（抽样率 %s）、%d 页字形、%d 个二维码，用时 %.1f 秒".formatted(byFile.size(),
				total, checked, settings.sampleRate(), pages, qrCodes, seconds);
		logger.info("run %d: preflight of %d files, %d of %d documents, %d pages, %d QR codes in %.1f s"
			.formatted(runId, byFile.size(), checked, total, pages, qrCodes, seconds));
		List<PreflightFailure> failures = results.stream().flatMap((result) -> result.failures.stream()).toList();
		if (!failures.isEmpty()) {
			failures.forEach((failure) -> logger.error("run %d: preflight: %s".formatted(runId, failure)));
			throw new PreflightFailedException(message(runId, failures));
		}
		return summary;
	}

	/**
	 * What the preflight of a job execution checked, in one line of Chinese, or null when
	 * it did not run to its end.
	 */
	public static String summary(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals("preflightStep") && step.getStatus() == BatchStatus.COMPLETED)
			.map((step) -> step.getExecutionContext().getString(SUMMARY, null))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static FileChecker.Result join(Future<FileChecker.Result> check) throws Exception {
		try {
			return check.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	static String message(long runId, List<PreflightFailure> failures) {
		StringBuilder text = new StringBuilder();
		text.append("%d 处问题".formatted(failures.size()));
		for (PreflightFailure failure : failures.subList(0, Math.min(LISTED, failures.size()))) {
			text.append("；").append(failure);
		}
		if (failures.size() > LISTED) {
			text.append("；另有 %d 处见日志".formatted(failures.size() - LISTED));
		}
		text.append("。本批次不可交付：请勿印刷这些文件。查明原因（字体文件、模板、签名密钥，或文件在打印后被改动）并修正后，"
				+ "用 print resume %d 重新检查；文件本身有误时，用 print abandon %d 放弃本批次后重新打印（证书加 --reprint）".formatted(runId,
						runId));
		return text.toString();
	}

	/**
	 * The preflight found faults; its message, in Chinese, names them and what to do.
	 */
	static final class PreflightFailedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		PreflightFailedException(String message) {
			super(message);
		}

	}

}
