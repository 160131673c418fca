package org.ceprint.printing.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;

/**
 * The worker's end of remote partitioning ({@code ceprint worker}): executes the
 * partition a request names, as Spring Batch's {@code StepExecutionRequestHandler} does,
 * after taking its lease. The request's step execution is read from the shared job
 * repository after the lease is taken, so a partition taken over from a worker that died
 * resumes from that worker's last committed chunk, and the chunk it was writing is
 * written again under the same file name.
 * <p>
 * Every request is acknowledged once handled, whatever became of it: a request that is
 * stale or unreadable is dropped, and a partition that failed is recorded as failed in
 * the repository, for the manager to report and {@code print resume} to run again. A
 * request whose worker dies is not acknowledged, and the broker gives it to another.
 */
class PartitionWorker {

	/** The key of the worker's lease token in the partition's execution context. */
	static final String LEASE = "ceprint.partitionLease";

	private static final Log logger = LogFactory.getLog(PartitionWorker.class);

	private final JobRepository jobRepository;

	private final StepLocator steps;

	private final PartitionLeases leases;

	private final Clock clock;

	private final String name;

	PartitionWorker(JobRepository jobRepository, StepLocator steps, PartitionLeases leases, Clock clock) {
		this.jobRepository = jobRepository;
		this.steps = steps;
		this.leases = leases;
		this.clock = clock;
		this.name = hostName() + ":" + ManagementFactory.getRuntimeMXBean().getPid();
	}

	/** This worker's name in the leases and in {@code print status}: host:pid. */
	String name() {
		return this.name;
	}

	public void handle(String message) {
		PartitionRequest request;
		try {
			request = PartitionRequest.fromJson(message);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("收到一条不是分区请求的消息，已丢弃");
			return;
		}
		Step step = this.steps.getStep(request.stepName());
		if (step == null) {
			logger.warn("分区请求中的步骤 %s 在本进程中不存在（管理进程与工作进程的版本不同？），跳过".formatted(request.stepName()));
			return;
		}
		long id = request.stepExecutionId();
		StepExecution partition = this.jobRepository.getStepExecution(id);
		if (partition == null || !partition.getStatus().isRunning()) {
			logger.info("分区（步骤执行 %d）已结束或不存在，跳过".formatted(id));
			return;
		}
		String holder = this.name + "#" + Thread.currentThread().getName();
		Optional<String> token = this.leases.take(id, request.dispatch(), holder, LocalDateTime.now(this.clock));
		if (token.isEmpty()) {
			logger.info("分区（步骤执行 %d）的第 %d 次发送已过期或已被收回，跳过".formatted(id, request.dispatch()));
			return;
		}
		// read again once taken: what a previous holder committed up to the takeover
		partition = this.jobRepository.getStepExecution(id);
		if (!partition.getStatus().isRunning()) {
			return;
		}
		partition.getExecutionContext().putString(LEASE, token.get());
		String name = partition.getStepName();
		logger.info("开始打印分区 %s（第 %d 次发送）".formatted(name, request.dispatch()));
		try {
			step.execute(partition);
		}
		catch (JobInterruptedException ex) {
			partition.setStatus(BatchStatus.STOPPED);
			update(partition);
		}
		catch (RuntimeException ex) {
			partition.addFailureException(ex);
			partition.setStatus(BatchStatus.FAILED);
			update(partition);
		}
		if (takenOver(partition)) {
			logger.warn("分区 %s 已由其他工作进程接手或已被管理进程收回：本进程停止打印它，其余文件由接手者写".formatted(name));
		}
		else {
			logger.info("分区 %s 结束：%s，写入 %d 份".formatted(name, partition.getStatus(), partition.getWriteCount()));
		}
	}

	private static boolean takenOver(StepExecution partition) {
		for (Throwable failure : partition.getFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof PartitionTakenOverException) {
					return true;
				}
			}
		}
		return false;
	}

	private void update(StepExecution partition) {
		try {
			this.jobRepository.update(partition);
		}
		catch (RuntimeException ex) {
			logger.error("分区 %s 的状态未能写入作业库".formatted(partition.getStepName()), ex);
		}
	}

	private static final AtomicInteger filesRendered = new AtomicInteger();

	/**
	 * Fault injection for the tests of stuck workers only
	 * ({@code ceprint.printing.fault.hang-worker-after-files}): once this process has
	 * rendered that many files of remote partitions, the next one stops after rendering,
	 * before its chunk takes its partition's lock, as a worker does that hangs (a stalled
	 * disk, a long pause) without dying, and wakes once another worker has taken the
	 * partition over, to meet the fence.
	 */
	static void hangIfAsked(int afterFiles, BooleanSupplier stillHeld) {
		if (afterFiles <= 0 || filesRendered.incrementAndGet() != afterFiles + 1) {
			return;
		}
		logger.warn(
				"故障注入：工作进程在第 %d 个文件处停住（ceprint.printing.fault.hang-worker-after-files，仅供测试）".formatted(afterFiles + 1));
		while (stillHeld.getAsBoolean()) {
			LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
		}
		logger.warn("故障注入：分区已由其他工作进程接手，停住的工作进程继续");
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
