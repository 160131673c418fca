package org.ceprint.printing.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ceprint.printing.internal.PrintingProperties.Remote;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the manager of a remote run does with partitions that make progress, stall or are
 * reassigned: on a clock that moves one second at every reading, and a repository that
 * answers with the partitions' state at each look.
 */
class RemotePartitionHandlerTests {

	private static final long RUN = 7;

	private final JobRepository repository = mock(JobRepository.class);

	private final PartitionLeases leases = mock(PartitionLeases.class);

	private final List<PartitionRequest> sent = new ArrayList<>();

	private final AtomicLong seconds = new AtomicLong();

	private final AtomicInteger looks = new AtomicInteger();

	private JobExecution job;

	private StepExecution manager;

	private StepExecution partition;

	@BeforeEach
	void aRunWithOnePartition() {
		this.job = new JobExecution(3, new JobInstance(1, "certificatePrintJob"),
				new JobParametersBuilder().addLong("runId", RUN).toJobParameters());
		this.manager = new StepExecution(10, "certificatesStep", this.job);
		this.partition = new StepExecution(11, "certificatesCityStep:city360100-p2", this.job);
		this.partition.setStatus(BatchStatus.STARTING);
		this.partition.setVersion(1);
		this.job.addStepExecutions(List.of(this.manager, this.partition));
		when(this.repository.getStepExecution(11)).thenAnswer((invocation) -> this.partition);
		AtomicInteger dispatches = new AtomicInteger();
		when(this.leases.dispatch(eq(11L), eq(RUN), anyString()))
			.thenAnswer((invocation) -> dispatches.incrementAndGet());
		when(this.leases.reassignRequested(RUN)).thenReturn(Set.of());
	}

	@Test
	void aPartitionThatCommitsChunksIsSentOnceHowEverLongItTakes() throws Exception {
		// a chunk a look for 40 looks (40 s on this clock, four times the time-out)
		lookingAt((look) -> {
			if (look < 40) {
				this.partition.setStatus(BatchStatus.STARTED);
				this.partition.incrementVersion();
			}
			else {
				this.partition.setStatus(BatchStatus.COMPLETED);
			}
		});

		assertThat(handler().doHandle(this.manager, Set.of(this.partition))).extracting(StepExecution::getStatus)
			.containsExactly(BatchStatus.COMPLETED);
		assertThat(this.sent).extracting(PartitionRequest::dispatch).containsExactly(1);
		verify(this.leases, never()).revoke(anyLong());
	}

	@Test
	void aPartitionWithoutProgressIsSentAgainThenGivenUpWithItsReason() throws Exception {
		lookingAt((look) -> {
		});

		assertThat(handler().doHandle(this.manager, Set.of(this.partition))).singleElement().satisfies((ended) -> {
			assertThat(ended.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(ended.getExitStatus().getExitDescription()).contains("分区 360100-p2 发送 2 次后仍无进展");
		});
		assertThat(this.sent).extracting(PartitionRequest::dispatch).containsExactly(1, 2);
		assertThat(this.sent).extracting(PartitionRequest::stepName).containsOnly("certificatesCityStep");
		// revoked before it is marked failed: a holder that wakes up cannot write
		verify(this.leases).revoke(11);
		verify(this.repository).update(this.partition);
		assertThat(this.manager.getExitStatus().getExitDescription()).contains("发送 2 次后仍无进展");
	}

	@Test
	void aPartitionAnOperatorReassignsIsSentAgainAtOnce() throws Exception {
		when(this.leases.reassignRequested(RUN)).thenReturn(Set.of(), Set.of(11L), Set.of());
		lookingAt((look) -> {
			this.partition.setStatus(BatchStatus.STARTED);
			this.partition.incrementVersion();
			if (look == 5) {
				this.partition.setStatus(BatchStatus.COMPLETED);
			}
		});

		assertThat(handler().doHandle(this.manager, Set.of(this.partition))).extracting(StepExecution::getStatus)
			.containsExactly(BatchStatus.COMPLETED);
		// sent a second time while it still made progress: the operator knows better
		assertThat(this.sent).extracting(PartitionRequest::dispatch).containsExactly(1, 2);
		verify(this.leases, never()).revoke(anyLong());
	}

	private RemotePartitionHandler handler() {
		Remote settings = new Remote(true, false, "127.0.0.1:5672", "guest", "guest", "/", "q", 0, 0,
				Duration.ofSeconds(10), 2, Duration.ofMillis(1));
		RemotePartitions remote = mock(RemotePartitions.class);
		doAnswer((invocation) -> this.sent.add(invocation.getArgument(0))).when(remote)
			.send(any(PartitionRequest.class));
		return new RemotePartitionHandler("certificatesCityStep", remote, this.repository, this.leases, settings,
				() -> this.seconds.incrementAndGet() * 1_000_000_000L);
	}

	/** Each look at the job first moves the partition on as the scenario says. */
	private void lookingAt(IntConsumer scenario) {
		when(this.repository.getJobExecution(3)).thenAnswer((invocation) -> {
			scenario.accept(this.looks.incrementAndGet());
			return this.job;
		});
	}

}
