package org.ceprint.printing.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ceprint.printing.PrintJob;

import org.springframework.batch.core.job.Job;

/**
 * The Spring Batch job of each {@link PrintJob}: the jobs are named after the enum, and
 * every constant must have its job.
 */
public final class PrintJobs {

	private final Map<PrintJob, Job> jobs = new EnumMap<>(PrintJob.class);

	PrintJobs(List<Job> jobs) {
		for (PrintJob printJob : PrintJob.values()) {
			Job job = jobs.stream()
				.filter((candidate) -> candidate.getName().equals(printJob.jobName()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no Spring Batch job named " + printJob.jobName()));
			this.jobs.put(printJob, job);
		}
	}

	public Job get(PrintJob printJob) {
		return this.jobs.get(printJob);
	}

}
