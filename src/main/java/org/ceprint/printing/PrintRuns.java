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

	PrintRuns(PrintRunStore store, JobOperator jobOperator, Map<String, Job> jobs, RegistrationEntries entries,
			Clock clock, RenderingProperties rendering) {
		this.rendering = rendering;
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

	private PrintRunResult result(PrintRunRecord run, JobExecution execution, Duration elapsed) {
		Map<String, Integer> printed = this.store.printedByKind(run.id());
		int rejected = this.store.countRejects(run.id());
		String firstCertificate = this.store.firstDocumentNo(run.id(), "CERTIFICATE");
		boolean complete = Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER));
		return new PrintRunResult(run.id(), run.folder(), execution.getStatus().name(), complete, printed, rejected,
				firstCertificate, elapsed);
	}

}
