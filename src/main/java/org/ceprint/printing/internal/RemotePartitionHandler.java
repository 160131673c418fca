package org.ceprint.printing.internal;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.ceprint.printing.internal.PrintingProperties.Remote;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's side of a remote print run: sends each partition of a by-city step to the
 * workers over RabbitMQ ({@link RemotePartitions#send}), then follows the partitions in
 * the shared job repository until every one has ended.
 * <p>
 * A partition that shows no progress for {@code partition-timeout} (no chunk committed,
 * or not taken by any worker) is sent again, and so is one an operator asked to reassign
 * ({@code print reassign}); whichever worker takes it fences the previous holder
 * ({@link PartitionLeases}). After {@code max-dispatches} sends without progress the
 * manager gives the partition up: it revokes the lease, marks the partition failed, and
 * the step fails once the others have ended, naming the partitions; {@code print resume}
 * then runs only the partitions that did not complete. A worker that dies is not waited
 * for: the broker hands its unacknowledged request to another worker at once.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

	private static final Log logger = LogFactory.getLog(RemotePartitionHandler.class);

	private final String stepName;

	private final RemotePartitions remote;

	private final JobRepository jobRepository;

	private final PartitionLeases leases;

	private final Remote settings;

	private final LongSupplier nanoTime;

	RemotePartitionHandler(String stepName, RemotePartitions remote, JobRepository jobRepository,
			PartitionLeases leases, Remote settings, LongSupplier nanoTime) {
		this.stepName = stepName;
		this.remote = remote;
		this.jobRepository = jobRepository;
		this.leases = leases;
		this.settings = settings;
		this.nanoTime = nanoTime;
		setGridSize(settings.partitionSize());
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
			throws Exception {
		long runId = managerStepExecution.getJobParameters().getLong("runId");
		Map<Long, Watched> watched = new LinkedHashMap<>();
		for (StepExecution partition : partitions) {
			Watched entry = new Watched(partition);
			watched.put(partition.getId(), entry);
			send(runId, partition.getId(), entry);
		}
		if (!partitions.isEmpty()) {
			logger.info("打印批次 %d：%s 的 %d 个分区已发往工作进程".formatted(runId, this.stepName, partitions.size()));
		}
		Set<StepExecution> ended = new HashSet<>();
		Map<Long, String> givenUp = new HashMap<>();
		long timeout = this.settings.partitionTimeout().toNanos();
		while (ended.size() < partitions.size()) {
			Thread.sleep(this.settings.pollInterval().toMillis());
			// one read of the job's executions and one of the leases a look, whatever the
			// number of partitions
			Map<Long, StepExecution> executions = new HashMap<>();
			for (StepExecution execution : this.jobRepository.getJobExecution(managerStepExecution.getJobExecutionId())
				.getStepExecutions()) {
				executions.put(execution.getId(), execution);
			}
			Set<Long> reassign = this.leases.reassignRequested(runId);
			long now = this.nanoTime.getAsLong();
			for (Map.Entry<Long, Watched> entry : watched.entrySet()) {
				long id = entry.getKey();
				Watched partition = entry.getValue();
				if (partition.ended) {
					continue;
				}
				StepExecution current = executions.get(id);
				if (!current.getStatus().isRunning()) {
					partition.ended = true;
					ended.add(partition.endedAs(current));
					continue;
				}
				if (reassign.contains(id)) {
					logger.warn("打印批次 %d：分区 %s 按要求改派给其他工作进程".formatted(runId, partition.name));
					send(runId, id, partition);
				}
				else if (partition.progressed(current, now)) {
					continue;
				}
				else if (now - partition.lastProgress > timeout) {
					if (partition.dispatches < this.settings.maxDispatches()) {
						logger.warn("打印批次 %d：分区 %s 已 %d 秒无进展，第 %d 次发送".formatted(runId, partition.name,
								this.settings.partitionTimeout().toSeconds(), partition.dispatches + 1));
						send(runId, id, partition);
					}
					else {
						String reason = "分区 %s 发送 %d 次后仍无进展（每次等待 %d 秒），已收回".formatted(partition.name,
								partition.dispatches, this.settings.partitionTimeout().toSeconds());
						logger.error("打印批次 %d：%s".formatted(runId, reason));
						ended.add(partition.endedAs(giveUp(id, reason)));
						givenUp.put(id, reason);
						partition.ended = true;
					}
				}
			}
		}
		if (!givenUp.isEmpty()) {
			managerStepExecution.setExitStatus(managerStepExecution.getExitStatus()
				.and(ExitStatus.FAILED.addExitDescription(String.join("；", givenUp.values()))));
		}
		return ended;
	}

	private void send(long runId, long stepExecutionId, Watched partition) {
		int dispatch = this.leases.dispatch(stepExecutionId, runId, partition.name);
		this.remote.send(new PartitionRequest(this.stepName, stepExecutionId, dispatch));
		partition.dispatches = dispatch;
		partition.lastProgress = this.nanoTime.getAsLong();
	}

	/**
	 * Revokes the partition (waiting for a chunk its holder may be committing) and marks
	 * it failed, so that a resumption runs it again.
	 */
	private StepExecution giveUp(long stepExecutionId, String reason) {
		this.leases.revoke(stepExecutionId);
		for (int attempt = 0;; attempt++) {
			StepExecution current = this.jobRepository.getStepExecution(stepExecutionId);
			if (!current.getStatus().isRunning()) {
				return current;
			}
			current.setStatus(BatchStatus.FAILED);
			current.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
			current.setEndTime(LocalDateTime.now());
			try {
				this.jobRepository.update(current);
				return current;
			}
			catch (OptimisticLockingFailureException ex) {
				// its holder committed a chunk meanwhile; the next read is newer
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

	/** What the manager saw of a partition when it last looked. */
	private static final class Watched {

		private final StepExecution split;

		private final String name;

		private int dispatches;

		private long lastProgress;

		private Integer version;

		private BatchStatus status;

		private boolean ended;

		Watched(StepExecution split) {
			this.split = split;
			// certificatesCityStep:city360100-p2 -> 360100-p2
			String stepName = split.getStepName();
			this.name = stepName.substring(stepName.indexOf(":") + 1).replaceFirst("^city", "");
		}

		/**
		 * The execution the splitter made, which the job execution in this process holds,
		 * brought up to how the partition ended in the repository: what the run's report
		 * reads.
		 */
		StepExecution endedAs(StepExecution current) {
			this.split.setStatus(current.getStatus());
			this.split.setExitStatus(current.getExitStatus());
			this.split.setReadCount(current.getReadCount());
			this.split.setWriteCount(current.getWriteCount());
			this.split.setStartTime(current.getStartTime());
			this.split.setEndTime(current.getEndTime());
			this.split.setLastUpdated(current.getLastUpdated());
			this.split.setVersion(current.getVersion());
			this.split.setExecutionContext(current.getExecutionContext());
			return this.split;
		}

		/**
		 * Whether the partition moved since the last look: taken by a worker, or a chunk
		 * committed (each bumps the step execution's version).
		 */
		boolean progressed(StepExecution current, long now) {
			boolean moved = this.version == null || !this.version.equals(current.getVersion())
					|| this.status != current.getStatus();
			this.version = current.getVersion();
			this.status = current.getStatus();
			if (moved) {
				this.lastProgress = now;
			}
			return moved;
		}

	}

}
