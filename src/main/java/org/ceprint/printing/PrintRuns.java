package org.ceprint.printing;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ceprint.printing.PrintClaims.Claimed;
import org.ceprint.printing.PrintClaims.HeldElsewhere;
import org.ceprint.printing.PrintRunStore.CertificateState;
import org.ceprint.printing.PrintSelections.Selection;
import org.ceprint.registry.CertificateStatus;
import org.ceprint.registry.RegistrationEntries;
import org.ceprint.rendering.RenderingProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final PrintClaims claims;

	/**
	 * Records runs: read committed, so claiming reads the selection without locking it.
	 */
	private final TransactionTemplate recording;

	PrintRuns(PrintRunStore store, PrintClaims claims, JobOperator jobOperator, Map<String, Job> jobs,
			RegistrationEntries entries, Clock clock, RenderingProperties rendering, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		this.claims = claims;
		this.recording = new TransactionTemplate(transactionManager);
		this.recording.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
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
		return start(request, (runId) -> {
		});
	}

	/**
	 * Runs the request to its end in the calling thread, telling {@code onCreated} the
	 * run's id as soon as it is recorded (for progress and the admin API).
	 */
	public PrintRunResult start(PrintRequest request, java.util.function.LongConsumer onCreated) throws Exception {
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
	 * @throws IllegalArgumentException when the request is refused, in Chinese
	 */
	public long create(PrintRequest request) {
		// an unknown printer is refused before a run exists
		this.rendering.calibration(request.style().printer());
		if (!request.certificateNumbers().isEmpty() && request.what() != PrintJob.CERTIFICATES
				&& request.what() != PrintJob.SEAL_OVERLAYS && request.what() != PrintJob.REGISTER_CARDS) {
			throw new IllegalArgumentException("只有打印证书、验证章套印页和登记卡时可以按证书编号选择");
		}
		if (request.submissionId() != null && request.what() != PrintJob.SUMMARY_TABLES
				&& request.what() != PrintJob.RETURN_SLIPS) {
			throw new IllegalArgumentException("按报送批次只能打印登记汇总表和退回单");
		}
		if (request.submissionId() == null && request.what() == PrintJob.RETURN_SLIPS) {
			throw new IllegalArgumentException("退回单须指定报送批次");
		}
		PrintRequest completed = (request.entryYear() == null && request.submissionId() == null
				&& (request.what() == PrintJob.SUMMARY_TABLES || request.what() == PrintJob.ALL))
						? request.withEntryYear(
								this.entries.latestYear().orElse(LocalDateTime.now(this.clock).getYear()))
						: request;
		return this.recording.execute((status) -> {
			LocalDateTime now = LocalDateTime.now(this.clock);
			this.claims.lockClaiming(now);
			PrintRunRecord run = this.store.create(completed, now);
			int setAside = selectNumbers(run, completed, now);
			int claimed = 0;
			for (Selection selection : PrintSelections.of(run)) {
				Claimed claim = this.claims.claim(run.id(), selection, now);
				claimed += claim.claimed();
				for (HeldElsewhere held : claim.heldElsewhere()) {
					this.store.addReject(run.id(), selection.documentKind(), held.documentNo(),
							"正由打印批次 %d 打印（该批次尚未完成），本批次不重复打印；该批次完成后不必再打，或 print abandon %d 放弃它后再打印"
								.formatted(held.runId(), held.runId()),
							held.runId(), now);
					setAside++;
				}
			}
			this.store.plan(run.id(), claimed + setAside);
			return run.id();
		});
	}

	/** Runs a recorded run's job to its end in the calling thread. */
	public PrintRunResult execute(long runId) throws Exception {
		PrintRunRecord run = this.store.find(runId);
		long started = System.nanoTime();
		JobExecution execution = this.jobOperator.start(this.jobs.get(run.job().jobName()), parameters(run));
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
		return this.store.documentFiles(runId);
	}

	/** The PDF file of the newest print of a certificate, if it was printed. */
	public Optional<java.nio.file.Path> latestCertificateFile(String certificateNo) {
		return this.store.latestFile(PrintJob.CERTIFICATES_KIND, certificateNo);
	}

	/** The progress of the newest runs, newest first. */
	public List<PrintProgress> recent(int limit) {
		return this.store.recentRunIds(limit).stream().flatMap((id) -> this.store.progress(id).stream()).toList();
	}

	/**
	 * Keeps the listed certificates that can be printed with the run; each other number
	 * is set aside in print_reject with its reason, so that none is dropped unseen.
	 * @return how many numbers were set aside
	 */
	private int selectNumbers(PrintRunRecord run, PrintRequest request, LocalDateTime now) {
		if (request.certificateNumbers().isEmpty()) {
			return 0;
		}
		Map<String, CertificateState> states = this.store.certificateStates(request.certificateNumbers());
		Set<String> selected = new LinkedHashSet<>();
		int setAside = 0;
		for (String number : new LinkedHashSet<>(request.certificateNumbers())) {
			CertificateState state = states.get(number);
			String reason = null;
			if (state == null) {
				reason = "证书编号不存在";
			}
			else if (!CertificateStatus.VALID.name().equals(state.status())) {
				reason = "证书已不是有效证书（状态：%s），不能打印".formatted(state.statusLabel());
			}
			else if (request.what() == PrintJob.CERTIFICATES && state.printed() && !request.reprint()) {
				reason = "证书已打印过；如需重印请加 --reprint";
			}
			else if (request.what() == PrintJob.SEAL_OVERLAYS && !state.printed()) {
				reason = "证书尚未打印：验证章将随证书一并打印，无需套印";
			}
			else if (request.channelCode() != null && !request.channelCode().equals(state.channelCode())) {
				reason = "证书不属于所选设区市 " + request.channelCode();
			}
			if (reason != null) {
				this.store.addReject(run.id(), PrintJob.CERTIFICATES_KIND, number, reason, now);
				setAside++;
			}
			else {
				selected.add(number);
			}
		}
		this.store.addNumbers(run.id(), selected);
		return setAside;
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
		return resume(runId, force, (id) -> {
		});
	}

	/**
	 * Like {@link #resume(Long, boolean)}, telling {@code onFound} the run's id before it
	 * restarts.
	 */
	public PrintRunResult resume(Long runId, boolean force, java.util.function.LongConsumer onFound) throws Exception {
		PrintRunRecord run = unfinished(runId);
		Job job = this.jobs.get(run.job().jobName());
		JobParameters parameters = parameters(run);
		onFound.accept(run.id());
		JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
		Map<String, Integer> before = this.store.printedByKind(run.id());
		int rejectedBefore = this.store.countRejects(run.id());
		long started = System.nanoTime();
		if (last == null) {
			// the run was recorded but its job never started
			return result(run, this.jobOperator.start(job, parameters), Duration.ofNanos(System.nanoTime() - started),
					before, rejectedBefore, true);
		}
		if (last.getStatus().isRunning()) {
			refuseIfStillRunning(run, last, force);
			last = this.jobOperator.recover(last);
		}
		JobExecution execution = this.jobOperator.restart(last);
		return result(run, execution, Duration.ofNanos(System.nanoTime() - started), before, rejectedBefore, true);
	}

	/**
	 * Gives up an unfinished run: its job is marked abandoned, the documents it claimed
	 * but did not print are released for other runs, and its folder gets an
	 * {@code _ABANDONED} note instead of {@code _COMPLETE}. What it printed stays
	 * printed.
	 * @param force abandon even if the run made progress within the last minute
	 * @return how many claimed documents were released
	 * @throws IllegalArgumentException when the run cannot be abandoned, in Chinese
	 */
	public int abandon(long runId, boolean force) throws Exception {
		PrintRunRecord run = unfinished(runId);
		JobExecution last = this.jobRepository.getLastJobExecution(run.job().jobName(), parameters(run));
		if (last != null && last.getStatus().isRunning()) {
			refuseIfStillRunning(run, last, force);
			last = this.jobOperator.recover(last);
		}
		if (last != null && last.getStatus() != BatchStatus.ABANDONED) {
			this.jobOperator.abandon(last);
		}
		LocalDateTime now = LocalDateTime.now(this.clock);
		int released = this.recording.execute((status) -> {
			this.store.abandon(run.id(), now);
			return this.claims.release(run.id());
		});
		RunFolderFinisher.writeAbandonedNote(run.folder(), now, this.store.printedByKind(run.id()), released);
		return released;
	}

	private PrintRunRecord unfinished(Long runId) {
		PrintRunRecord run = (runId != null)
				? this.store.lookup(runId).orElseThrow(() -> new IllegalArgumentException("没有打印批次 " + runId))
				: this.store.latestUnfinished().orElseThrow(() -> new IllegalArgumentException("没有未完成的打印批次"));
		if (this.store.isAbandoned(run.id())) {
			throw new IllegalArgumentException("打印批次 %d 已放弃，不能续打；请新建打印批次".formatted(run.id()));
		}
		boolean marked = Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER));
		if (this.store.isCompleted(run.id()) || marked) {
			if (marked) {
				// a crash between the marker and the finishing commit leaves claims
				// behind
				this.recording.executeWithoutResult((status) -> {
					if (!this.store.isCompleted(run.id())) {
						this.claims.release(run.id());
						this.store.complete(run.id(), LocalDateTime.now(this.clock));
					}
				});
			}
			throw new IllegalArgumentException("打印批次 %d 已完成：%s".formatted(run.id(), run.folder()));
		}
		return run;
	}

	private static void refuseIfStillRunning(PrintRunRecord run, JobExecution last, boolean force) {
		LocalDateTime lastProgress = lastProgress(last);
		// Spring Batch stamps its executions with LocalDateTime.now(), the JVM's own
		// clock and zone, not ours: compare like with like (a pinned clock would make
		// every run look long dead, or still running, whatever its last chunk)
		LocalDateTime batchNow = LocalDateTime.now(Clock.systemDefaultZone());
		if (!force && lastProgress != null && lastProgress.isAfter(batchNow.minus(STILL_RUNNING_WITHIN))) {
			throw new IllegalArgumentException(
					"打印批次 %d 在一分钟内仍有进度（%s），可能仍在运行；确认原进程已退出后加 --force 重试".formatted(run.id(), lastProgress.withNano(0)));
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

	private static JobParameters parameters(PrintRunRecord run) {
		return new JobParametersBuilder().addLong("runId", run.id()).toJobParameters();
	}

	/**
	 * What this start or resumption did: the counts since {@code before} and, when the
	 * run did not complete, why.
	 */
	private PrintRunResult result(PrintRunRecord run, JobExecution execution, Duration elapsed,
			Map<String, Integer> before, int rejectedBefore, boolean resumed) {
		Map<String, Integer> total = this.store.printedByKind(run.id());
		Map<String, Integer> thisGo = new TreeMap<>();
		total.forEach((kind, count) -> {
			int printed = count - before.getOrDefault(kind, 0);
			if (printed > 0) {
				thisGo.put(kind, printed);
			}
		});
		int rejected = this.store.countRejects(run.id()) - rejectedBefore;
		String firstCertificate = this.store.firstDocumentNo(run.id(), "CERTIFICATE");
		// this run's marker in its own folder, and its completion recorded in this
		// database
		boolean complete = Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER))
				&& this.store.isCompleted(run.id());
		return new PrintRunResult(run.id(), run.job(), run.folder(), execution.getStatus().name(), complete, thisGo,
				new TreeMap<>(total), rejected, resumed ? Map.of() : this.store.heldByOtherRuns(run.id()), resumed,
				complete ? null : PrintRunFailures.describe(execution), firstCertificate, elapsed);
	}

}
