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

import org.ceprint.printing.PrintRunStore.CertificateState;
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
	 * Records a run without starting it: checks the request, selects the listed numbers
	 * (setting aside each one that cannot be printed) and counts what the run will print.
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
		PrintRequest completed = request;
		if (request.entryYear() == null && request.submissionId() == null
				&& (request.what() == PrintJob.SUMMARY_TABLES || request.what() == PrintJob.ALL)) {
			completed = request
				.withEntryYear(this.entries.latestYear().orElse(LocalDateTime.now(this.clock).getYear()));
		}
		LocalDateTime now = LocalDateTime.now(this.clock);
		PrintRunRecord run = this.store.create(completed, now);
		int setAside = selectNumbers(run, completed, now);
		this.store.plan(run.id(), setAside + planned(run));
		return run.id();
	}

	/** Runs a recorded run's job to its end in the calling thread. */
	public PrintRunResult execute(long runId) throws Exception {
		PrintRunRecord run = this.store.find(runId);
		JobParameters parameters = new JobParametersBuilder().addLong("runId", run.id()).toJobParameters();
		long started = System.nanoTime();
		JobExecution execution = this.jobOperator.start(this.jobs.get(run.job().jobName()), parameters);
		return result(run, execution, Duration.ofNanos(System.nanoTime() - started));
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
			else if (!"VALID".equals(state.status())) {
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

	private int planned(PrintRunRecord run) {
		return switch (run.job()) {
			case CERTIFICATES -> this.store.count(PrintSelections.certificates(run, null));
			case REGISTER_CARDS -> this.store.count(PrintSelections.registerCards(run, null));
			case SUMMARY_TABLES -> this.store.count(PrintSelections.summaryTables(run));
			case SEAL_OVERLAYS -> this.store.count(PrintSelections.sealOverlays(run, null));
			case RETURN_SLIPS -> this.store.count(PrintSelections.summaryTables(run));
			case ALL -> this.store.count(PrintSelections.certificates(run, null))
					+ this.store.count(PrintSelections.registerCards(run, null))
					+ this.store.count(PrintSelections.summaryTables(run));
		};
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
		PrintRunRecord run = (runId != null)
				? this.store.lookup(runId).orElseThrow(() -> new IllegalArgumentException("没有打印批次 " + runId))
				: this.store.latestUnfinished().orElseThrow(() -> new IllegalArgumentException("没有未完成的打印批次"));
		if (Files.exists(run.folder().resolve(RunFolderFinisher.COMPLETE_MARKER))) {
			throw new IllegalArgumentException("打印批次 %d 已完成：%s".formatted(run.id(), run.folder()));
		}
		Job job = this.jobs.get(run.job().jobName());
		JobParameters parameters = new JobParametersBuilder().addLong("runId", run.id()).toJobParameters();
		onFound.accept(run.id());
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
