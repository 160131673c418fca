package org.ceprint.printing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.ConflictException;
import org.ceprint.NotFoundException;
import org.ceprint.printing.internal.PartitionLeases;
import org.ceprint.printing.internal.PartitionLeases.Lease;
import org.ceprint.printing.internal.PrintJobs;
import org.ceprint.printing.internal.PrintRunRecord;
import org.ceprint.printing.internal.PrintRunStore;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * The partitions of a print run's by-city steps, read from the job repository and, for a
 * remote run, the partition leases: what {@code print status} shows, and
 * {@code print reassign}, which asks the manager to give a stuck partition to another
 * worker.
 */
@Service
public class PrintPartitions {

	private static final Map<String, String> KINDS = Map.of("certificatesCityStep", "证书", "registerCardsCityStep",
			"登记卡", "sealOverlaysCityStep", "套印页");

	private final PrintRunStore store;

	private final PrintJobs jobs;

	private final JobRepository jobRepository;

	private final PartitionLeases leases;

	PrintPartitions(PrintRunStore store, PrintJobs jobs, JobRepository jobRepository, PartitionLeases leases) {
		this.store = store;
		this.jobs = jobs;
		this.jobRepository = jobRepository;
		this.leases = leases;
	}

	/**
	 * Every partition the run's job has started, with its latest execution, in step and
	 * name order.
	 * @throws NotFoundException when there is no such run
	 */
	public List<PartitionStatus> of(long runId) {
		Map<Long, Lease> leases = new LinkedHashMap<>();
		this.leases.ofRun(runId).forEach((lease) -> leases.put(lease.stepExecutionId(), lease));
		return latestPartitions(runId).stream().map((execution) -> {
			Lease lease = leases.get(execution.getId());
			String[] name = execution.getStepName().split(":", 2);
			return new PartitionStatus(KINDS.getOrDefault(name[0], name[0]), name[1].replaceFirst("^city", ""),
					execution.getStatus(), execution.getWriteCount(), (lease != null) ? lease.dispatches() : 0,
					(lease != null) ? lease.holder() : null, execution.getLastUpdated());
		}).toList();
	}

	/**
	 * Asks the manager of a remote run to send a partition that is still running again,
	 * to whichever worker is free; the worker that takes it fences the one that held it.
	 * @param partition the partition as {@code print status} shows it, e.g. 360100-p2
	 * @throws NotFoundException when there is no such run, {@link ConflictException} when
	 * the partition is not running in a remote run
	 */
	public void reassign(long runId, String partition) {
		List<StepExecution> running = latestPartitions(runId).stream()
			.filter((execution) -> execution.getStepName().endsWith(":city" + partition))
			.filter((execution) -> execution.getStatus().isRunning())
			.toList();
		if (running.isEmpty()) {
			throw new ConflictException(
					"打印批次 %d 没有正在进行的分区 %s（print status %d 列出各分区）".formatted(runId, partition, runId));
		}
		for (StepExecution execution : running) {
			if (!this.leases.requestReassign(execution.getId())) {
				throw new ConflictException(
						"打印批次 %d 的分区 %s 不是由工作进程打印的（不是 --remote 批次），无法改派".formatted(runId, partition));
			}
		}
	}

	/** The latest execution of each partition, over every execution of the run's job. */
	private List<StepExecution> latestPartitions(long runId) {
		PrintRunRecord run = this.store.lookup(runId).orElseThrow(() -> new NotFoundException("没有打印批次 " + runId));
		JobInstance instance = this.jobRepository.getJobInstance(this.jobs.get(run.job()).getName(),
				new JobParametersBuilder().addLong("runId", run.id()).toJobParameters());
		if (instance == null) {
			return List.of();
		}
		Map<String, StepExecution> latest = new LinkedHashMap<>();
		for (JobExecution execution : this.jobRepository.getJobExecutions(instance)) {
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStepName().contains(":")) {
					latest.merge(step.getStepName(), step, (a, b) -> (a.getId() > b.getId()) ? a : b);
				}
			}
		}
		return latest.values().stream().sorted(Comparator.comparing(StepExecution::getId)).toList();
	}

}
