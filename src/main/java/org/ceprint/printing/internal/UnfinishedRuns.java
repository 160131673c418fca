package org.ceprint.printing.internal;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.ceprint.ConflictException;
import org.ceprint.NotFoundException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the run a resumption or an abandonment is about, and refuses one that is
 * finished, or whose process may still be running it.
 */
@Component
public class UnfinishedRuns {

	private final PrintRunStore store;

	private final PrintClaims claims;

	private final Clock clock;

	private final TransactionTemplate transaction;

	UnfinishedRuns(PrintRunStore store, PrintClaims claims, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.claims = claims;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * The run to resume or abandon: the given one, or the newest unfinished one.
	 * @throws NotFoundException when there is no such run
	 * @throws ConflictException when the run is abandoned or complete
	 */
	public PrintRunRecord find(Long runId) {
		PrintRunRecord run = (runId != null)
				? this.store.lookup(runId).orElseThrow(() -> new NotFoundException("没有打印批次 " + runId))
				: this.store.latestUnfinished().orElseThrow(() -> new NotFoundException("没有未完成的打印批次"));
		if (this.store.isAbandoned(run.id())) {
			throw new ConflictException("打印批次 %d 已放弃，不能续打；请新建打印批次".formatted(run.id()));
		}
		boolean marked = Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER));
		if (this.store.isCompleted(run.id()) || marked) {
			if (marked) {
				// a crash between the marker and the finishing commit leaves claims
				// behind
				this.transaction.executeWithoutResult((status) -> {
					if (!this.store.isCompleted(run.id())) {
						this.claims.release(run.id());
						this.store.complete(run.id(), LocalDateTime.now(this.clock));
					}
				});
			}
			throw new ConflictException("打印批次 %d 已完成：%s".formatted(run.id(), run.folder()));
		}
		return run;
	}

	/**
	 * @throws ConflictException when the run made progress within the last minute and
	 * {@code force} is not set
	 */
	public static void refuseIfStillRunning(PrintRunRecord run, JobExecution last, boolean force) {
		LocalDateTime lastProgress = lastProgress(last);
		// Spring Batch stamps its executions with LocalDateTime.now(), the JVM's own
		// clock and zone, not ours: compare like with like (a pinned clock would make
		// every run look long dead, or still running, whatever its last chunk)
		LocalDateTime batchNow = LocalDateTime.now(Clock.systemDefaultZone());
		if (!force && lastProgress != null && lastProgress.isAfter(batchNow.minus(STILL_RUNNING_WITHIN))) {
			throw new ConflictException(
					"打印批次 %d 在一分钟内仍有进度（%s），可能仍在运行；确认原进程已退出后加 --force 重试".formatted(run.id(), lastProgress.withNano(0)));
		}
	}

	/**
	 * Refuses to start a job for a run that printed without one: a counter's booklet
	 * ({@code DirectPrints}) committed before a crash interrupted the folder's finishing.
	 * A job would read the run's claims afresh and could print the booklet again; the
	 * reissue's listener finishes such a run when the server starts again.
	 * @param printed the run's printed documents by kind
	 * @throws ConflictException when the run printed a document without a job, in Chinese
	 */
	public static void refuseIfPrintedWithoutJob(PrintRunRecord run, Map<String, Integer> printed) {
		if (printed.values().stream().anyMatch((count) -> count > 0)) {
			throw new ConflictException(
					"打印批次 %d 是窗口补发的单本打印，证书已打印、批次尚未收尾；请启动服务（ceprint serve），由补发流程自动收尾，不要用 print resume 续打，以免重复打印"
						.formatted(run.id()));
		}
	}

	/** How recently a run must have committed a chunk to count as still running. */
	static final Duration STILL_RUNNING_WITHIN = Duration.ofMinutes(1);

	private static LocalDateTime lastProgress(JobExecution execution) {
		LocalDateTime last = execution.getLastUpdated();
		for (var step : execution.getStepExecutions()) {
			if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
				last = step.getLastUpdated();
			}
		}
		return last;
	}

}
