package org.ceprint.printing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;
import org.ceprint.NotFoundException;
import org.ceprint.printing.internal.PartitionLeases;
import org.ceprint.printing.internal.PrintClaims;
import org.ceprint.printing.internal.PrintJobs;
import org.ceprint.printing.internal.PrintRunFailures;
import org.ceprint.printing.internal.PrintRunRecord;
import org.ceprint.printing.internal.PrintRunRecorder;
import org.ceprint.printing.internal.PrintRunStore;
import org.ceprint.printing.internal.PrintedDocuments;
import org.ceprint.printing.internal.RunFolderFinisher;
import org.ceprint.printing.internal.RunPreflight;
import org.ceprint.printing.internal.UnfinishedRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts print runs: records the run, starts its Spring Batch job through the
 * {@link JobOperator} and reports what the run's folder holds.
 */
@Service
public class PrintRuns {

	private final PrintRunStore store;

	private final JobOperator jobOperator;

	private final PrintJobs jobs;

	private final PrintRunRecorder recorder;

	private final UnfinishedRuns unfinished;

	private final PrintedDocuments documents;

	private final Clock clock;

	private final JobRepository jobRepository;

	private final PrintClaims claims;

	private final TransactionTemplate transaction;

	private final PartitionLeases leases;

	PrintRuns(PrintRunRecorder recorder, UnfinishedRuns unfinished, PrintRunStore store, PrintedDocuments documents,
			PrintClaims claims, JobOperator jobOperator, PrintJobs jobs, Clock clock, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, PartitionLeases leases) {
		this.leases = leases;
		this.recorder = recorder;
		this.unfinished = unfinished;
		this.store = store;
		this.documents = documents;
		this.claims = claims;
		this.jobOperator = jobOperator;
		this.jobs = jobs;
		this.clock = clock;
		this.jobRepository = jobRepository;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Runs the request to its end in the calling thread. Summary tables default to the
	 * latest year that has registrations.
	 */
	public PrintRunResult run(PrintRequest request) {
		return start(request, (runId) -> {
		});
	}

	/**
	 * Runs the request to its end in the calling thread, telling {@code onCreated} the
	 * run's id as soon as it is recorded (for progress and the admin API).
	 */
	public PrintRunResult start(PrintRequest request, java.util.function.LongConsumer onCreated) {
		long runId = create(request);
		onCreated.accept(runId);
		return execute(runId);
	}

	/**
	 * Records a run without starting it, in one transaction: checks the request, selects
	 * the listed numbers (setting aside each one that cannot be printed) and claims every
	 * document the run will print. A document another unfinished run holds is not claimed
	 * but set aside with that run's number, so no document is printed by two runs.
	 * @return the run's id
	 * @throws InvalidRequestException when the request is refused, in Chinese
	 */
	public long create(PrintRequest request) {
		return this.recorder.create(request);
	}

	/** Runs a recorded run's job to its end in the calling thread. */
	public PrintRunResult execute(long runId) {
		PrintRunRecord run = this.store.find(runId);
		long started = System.nanoTime();
		JobExecution execution = batch(run, () -> this.jobOperator.start(this.jobs.get(run.job()), parameters(run)));
		return result(run, execution, Duration.ofNanos(System.nanoTime() - started), Map.of(), 0, false);
	}

	/** The run's progress so far, read from the database. */
	public Optional<PrintProgress> progress(long runId) {
		return this.store.progress(runId);
	}

	/**
	 * The files a run printed its documents into (not its slips or manifest), by name.
	 */
	public List<java.nio.file.Path> documentFiles(long runId) {
		return this.documents.documentFiles(runId);
	}

	/** The PDF file of the newest print of a certificate, if it was printed. */
	public Optional<java.nio.file.Path> latestCertificateFile(String certificateNo) {
		return this.documents.latestFile(PrintJob.CERTIFICATES_KIND, certificateNo);
	}

	/** The progress of the newest runs, newest first. */
	public List<PrintProgress> recent(int limit) {
		return this.store.recentRunIds(limit).stream().flatMap((id) -> this.store.progress(id).stream()).toList();
	}

	/**
	 * Finishes a run that a crash or a kill interrupted: its job execution, left STARTED
	 * in the job repository by a process that is gone, is recovered and restarted from
	 * its last committed chunk. Chunks committed before the crash are not printed again;
	 * the chunk that was being written is written again under the same file name.
	 * @param runId the run, or null for the newest unfinished one
	 * @param force resume even if the run made progress within the last minute (its
	 * process may still be running)
	 * @throws NotFoundException when there is nothing to resume,
	 * {@link ConflictException} when the run is complete, abandoned or still running, in
	 * Chinese
	 */
	public PrintRunResult resume(Long runId, boolean force) {
		return resume(runId, force, (id) -> {
		});
	}

	/**
	 * Like {@link #resume(Long, boolean)}, telling {@code onFound} the run's id before it
	 * restarts.
	 */
	public PrintRunResult resume(Long runId, boolean force, java.util.function.LongConsumer onFound) {
		PrintRunRecord run = this.unfinished.find(runId);
		Job job = this.jobs.get(run.job());
		JobParameters parameters = parameters(run);
		onFound.accept(run.id());
		JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
		Map<String, Integer> before = this.documents.printedByKind(run.id());
		int rejectedBefore = this.documents.countRejects(run.id());
		long started = System.nanoTime();
		if (last == null) {
			UnfinishedRuns.refuseIfPrintedWithoutJob(run, before); // printed by
																	// DirectPrints
			JobExecution first = batch(run, () -> this.jobOperator.start(job, parameters));
			return result(run, first, Duration.ofNanos(System.nanoTime() - started), before, rejectedBefore, true);
		}
		if (last.getStatus().isRunning()) {
			UnfinishedRuns.refuseIfStillRunning(run, last, force);
			// workers of a remote run whose manager died may still print its partitions
			this.leases.revokeAll(run.id());
			last = this.jobOperator.recover(last);
		}
		JobExecution interrupted = last;
		JobExecution execution = batch(run, () -> this.jobOperator.restart(interrupted));
		return result(run, execution, Duration.ofNanos(System.nanoTime() - started), before, rejectedBefore, true);
	}

	/**
	 * Gives up an unfinished run: its job is marked abandoned, the documents it claimed
	 * but did not print are released for other runs, and its folder gets an
	 * {@code _ABANDONED} note instead of {@code _COMPLETE}. What it printed stays
	 * printed.
	 * @param force abandon even if the run made progress within the last minute
	 * @return how many claimed documents were released
	 * @throws NotFoundException when there is no such run, {@link ConflictException} when
	 * it cannot be abandoned, in Chinese
	 */
	public int abandon(long runId, boolean force) {
		PrintRunRecord run = this.unfinished.find(runId);
		JobExecution last = this.jobRepository.getLastJobExecution(this.jobs.get(run.job()).getName(), parameters(run));
		if (last != null && last.getStatus().isRunning()) {
			UnfinishedRuns.refuseIfStillRunning(run, last, force);
			this.leases.revokeAll(run.id());
			last = this.jobOperator.recover(last);
		}
		if (last != null && last.getStatus() != BatchStatus.ABANDONED) {
			JobExecution interrupted = last;
			batch(run, () -> this.jobOperator.abandon(interrupted));
		}
		LocalDateTime now = LocalDateTime.now(this.clock);
		int released = this.transaction.execute((status) -> {
			this.store.abandon(run.id(), now);
			return this.claims.release(run.id());
		});
		try {
			RunFolderFinisher.writeAbandonedNote(run.folder(), now, this.documents.printedByKind(run.id()), released);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法在打印批次目录写入放弃说明 " + run.folder(), ex);
		}
		return released;
	}

	/**
	 * The status of the run's last job execution in the job repository, if its job has
	 * started.
	 */
	public Optional<BatchStatus> lastJobStatus(long runId) {
		PrintRunRecord run = this.store.find(runId);
		return Optional
			.ofNullable(this.jobRepository.getLastJobExecution(this.jobs.get(run.job()).getName(), parameters(run)))
			.map(JobExecution::getStatus);
	}

	/**
	 * Calls the job operator. Spring Batch refuses with checked exceptions: a run already
	 * running or complete is a conflict the caller reports; the rest are programming
	 * errors.
	 */
	private static JobExecution batch(PrintRunRecord run, BatchCall call) {
		try {
			return call.call();
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new ConflictException("打印批次 %d 正在运行，不能再次启动".formatted(run.id()), ex);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			throw new ConflictException("打印批次 %d 已完成：%s".formatted(run.id(), run.folder()), ex);
		}
		catch (JobExecutionException ex) {
			throw new IllegalStateException("打印批次 %d 的作业无法启动：%s".formatted(run.id(), ex.getMessage()), ex);
		}
	}

	@FunctionalInterface
	private interface BatchCall {

		JobExecution call() throws JobExecutionException;

	}

	private static JobParameters parameters(PrintRunRecord run) {
		return new JobParametersBuilder().addLong("runId", run.id()).toJobParameters();
	}

	/**
	 * What this start or resumption did: the counts since {@code before} and, when the
	 * run did not complete, why.
	 */
	private PrintRunResult result(PrintRunRecord run, JobExecution execution, Duration elapsed,
			Map<String, Integer> before, int rejectedBefore, boolean resumed) {
		Map<String, Integer> total = this.documents.printedByKind(run.id());
		Map<String, Integer> thisGo = new TreeMap<>();
		total.forEach((kind, count) -> {
			int printed = count - before.getOrDefault(kind, 0);
			if (printed > 0) {
				thisGo.put(kind, printed);
			}
		});
		int rejected = this.documents.countRejects(run.id()) - rejectedBefore;
		String firstCertificate = this.documents.firstDocumentNo(run.id(), "CERTIFICATE");
		// this run's marker in its own folder, and its completion recorded in this
		// database
		boolean complete = Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER))
				&& this.store.isCompleted(run.id());
		return new PrintRunResult(run.id(), run.job(), run.folder(), execution.getStatus().name(), complete, thisGo,
				new TreeMap<>(total), rejected, resumed ? Map.of() : this.documents.heldByOtherRuns(run.id()), resumed,
				complete ? null : PrintRunFailures.describe(execution), firstCertificate, elapsed,
				RunPreflight.summary(execution));
	}

}
