package org.ceprint.printing;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.ceprint.registry.RegistrationEntries;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Starts print runs: records the run, starts its Spring Batch job through the
 * {@link JobOperator} and reports what the run's folder holds.
 */
@Service
public class PrintRuns {

	private final PrintRunStore store;

	private final JobOperator jobOperator;

	private final Map<String, Job> jobs;

	private final RegistrationEntries entries;

	private final Clock clock;

	private final RenderingProperties rendering;

	private final JobRepository jobRepository;

	PrintRuns(PrintRunStore store, JobOperator jobOperator, Map<String, Job> jobs, RegistrationEntries entries,
			Clock clock, RenderingProperties rendering, JobRepository jobRepository) {
		this.rendering = rendering;
		this.jobRepository = jobRepository;
		this.store = store;
		this.jobOperator = jobOperator;
		this.jobs = jobs;
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Runs the request to its end in the calling thread. Summary tables default to the
	 * latest year that has registrations.
	 */
	public PrintRunResult run(PrintRequest request) throws Exception {
		// an unknown printer is refused before a run exists
		this.rendering.calibration(request.style().printer());
		PrintRequest completed = request;
		if (request.entryYear() == null
				&& (request.what() == PrintJob.SUMMARY_TABLES || request.what() == PrintJob.ALL)) {
			int year = this.entries.latestYear().orElse(LocalDateTime.now(this.clock).getYear());
			completed = new PrintRequest(request.what(), request.channelCode(), request.unitId(), year,
					request.reprint(), request.style());
		}
		PrintRunRecord run = this.store.create(completed, LocalDateTime.now(this.clock));
		JobParameters parameters = new JobParametersBuilder().addLong("runId", run.id()).toJobParameters();
		long started = System.nanoTime();
		JobExecution execution = this.jobOperator.start(this.jobs.get(request.what().jobName()), parameters);
		return result(run, execution, Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Finishes a run that a crash or a kill interrupted: its job execution, left STARTED
	 * in the job repository by a process that is gone, is recovered and restarted from
	 * its last committed chunk. Chunks committed before the crash are not printed again;
	 * the chunk that was being written is written again under the same file name.
	 * @param runId the run, or null for the newest unfinished one
	 * @param force resume even if the run made progress within the last minute (its
	 * process may still be running)
	 * @throws IllegalArgumentException when there is nothing to resume, in Chinese
	 */
	public PrintRunResult resume(Long runId, boolean force) throws Exception {
		PrintRunRecord run = (runId != null)
				? this.store.lookup(runId).orElseThrow(() -> new IllegalArgumentException("没有打印批次 " + runId))
				: this.store.latestUnfinished().orElseThrow(() -> new IllegalArgumentException("没有未完成的打印批次"));
		if (Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER))) {
			throw new IllegalArgumentException("打印批次 %d 已完成：%s".formatted(run.id(), run.folder()));
		}
		Job job = this.jobs.get(run.job().jobName());
		JobParameters parameters = new JobParametersBuilder().addLong("runId", run.id()).toJobParameters();
		JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
		long started = System.nanoTime();
		if (last == null) {
			// the run was recorded but its job never started
			return result(run, this.jobOperator.start(job, parameters), Duration.ofNanos(System.nanoTime() - started));
		}
		if (last.getStatus().isRunning()) {
			LocalDateTime lastProgress = lastProgress(last);
			if (!force && lastProgress != null
					&& lastProgress.isAfter(LocalDateTime.now().minus(STILL_RUNNING_WITHIN))) {
				throw new IllegalArgumentException(
						"打印批次 %d 在一分钟内仍有进度（%s），可能仍在运行；确认原进程已退出后加 --force 重试".formatted(run.id(), lastProgress));
			}
			last = this.jobOperator.recover(last);
		}
		JobExecution execution = this.jobOperator.restart(last);
		return result(run, execution, Duration.ofNanos(System.nanoTime() - started));
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

	private PrintRunResult result(PrintRunRecord run, JobExecution execution, Duration elapsed) {
		Map<String, Integer> printed = this.store.printedByKind(run.id());
		int rejected = this.store.countRejects(run.id());
		String firstCertificate = this.store.firstDocumentNo(run.id(), "CERTIFICATE");
		boolean complete = Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER));
		return new PrintRunResult(run.id(), run.folder(), execution.getStatus().name(), complete, printed, rejected,
				firstCertificate, elapsed);
	}

}
