package org.ceprint.printing.internal;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The print_partition_lease table: which worker holds which partition of a remote print
 * run, and the fence that stops a worker another has taken over from (V023).
 */
@Repository
public class PartitionLeases {

	/** The token of a partition the manager gave up: nobody holds it any more. */
	static final String REVOKED = "REVOKED";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readingAlone;

	PartitionLeases(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.readingAlone = new TransactionTemplate(transactionManager);
		this.readingAlone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readingAlone.setReadOnly(true);
	}

	/**
	 * Records that the manager sends the partition again (or for the first time).
	 * @return the dispatch number the request carries
	 */
	int dispatch(long stepExecutionId, long runId, String partitionName) {
		return this.transaction.execute((status) -> {
			int updated = this.jdbc.sql("""
					UPDATE print_partition_lease SET dispatch = dispatch + 1, reassign_requested = FALSE
					WHERE step_execution_id = :id
					""").param("id", stepExecutionId).update();
			if (updated == 0) {
				this.jdbc.sql("""
						INSERT INTO print_partition_lease (step_execution_id, run_id, partition_name, dispatch)
						VALUES (:id, :run, :name, 1)
						""").param("id", stepExecutionId).param("run", runId).param("name", partitionName).update();
			}
			return this.jdbc.sql("SELECT dispatch FROM print_partition_lease WHERE step_execution_id = :id")
				.param("id", stepExecutionId)
				.query(Integer.class)
				.single();
		});
	}

	/**
	 * Takes the partition for a worker, if the request is its newest dispatch and the
	 * manager has not given it up. The update waits for the chunk that a previous holder
	 * may be committing (it locks the row), and from then on that holder's chunks fail.
	 * @return the holder's token, empty for a request that is stale
	 */
	Optional<String> take(long stepExecutionId, int dispatch, String holder, LocalDateTime now) {
		String token = UUID.randomUUID().toString();
		int taken = this.transaction.execute((status) -> this.jdbc.sql("""
				UPDATE print_partition_lease SET holder = :holder, holder_token = :token, taken_at = :now
				WHERE step_execution_id = :id AND dispatch = :dispatch
				AND (holder_token IS NULL OR holder_token <> :revoked)
				""")
			.param("holder", holder)
			.param("token", token)
			.param("now", now)
			.param("id", stepExecutionId)
			.param("dispatch", dispatch)
			.param("revoked", REVOKED)
			.update());
		return (taken == 1) ? Optional.of(token) : Optional.empty();
	}

	/**
	 * In the chunk's transaction, before its file is renamed: locks the partition's row
	 * until the chunk commits and checks that this worker still holds it.
	 * @throws PartitionTakenOverException when another worker has taken the partition, or
	 * the manager has given it up
	 */
	void hold(long stepExecutionId, String token) {
		String current = this.jdbc
			.sql("SELECT holder_token FROM print_partition_lease WHERE step_execution_id = :id FOR UPDATE")
			.param("id", stepExecutionId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (!token.equals(current)) {
			throw new PartitionTakenOverException(stepExecutionId);
		}
	}

	/**
	 * Whether the holder with this token still holds the partition, read in a transaction
	 * of its own (a chunk's would keep seeing what it first read), without a lock.
	 */
	boolean holds(long stepExecutionId, String token) {
		return token.equals(this.readingAlone.execute((status) -> this.jdbc
			.sql("SELECT holder_token FROM print_partition_lease WHERE step_execution_id = :id")
			.param("id", stepExecutionId)
			.query(String.class)
			.optional()
			.orElse(null)));
	}

	/**
	 * Gives the partition up: no worker holds it any more, nor can take it. Waits for the
	 * chunk a holder may be committing.
	 */
	void revoke(long stepExecutionId) {
		this.transaction.executeWithoutResult((status) -> this.jdbc.sql("""
				UPDATE print_partition_lease SET holder_token = :revoked WHERE step_execution_id = :id
				""").param("revoked", REVOKED).param("id", stepExecutionId).update());
	}

	/**
	 * Revokes every lease of the run, before a resumption or an abandonment: workers
	 * still printing partitions of its interrupted job execution (whose manager died)
	 * cannot write another file once their chunk in progress has committed, since the
	 * resumption prints those partitions again from their last committed chunk.
	 */
	public void revokeAll(long runId) {
		this.transaction.executeWithoutResult((status) -> this.jdbc
			.sql("UPDATE print_partition_lease SET holder_token = :revoked WHERE run_id = :run")
			.param("revoked", REVOKED)
			.param("run", runId)
			.update());
	}

	/** The partitions of the run an operator asked to reassign. */
	Set<Long> reassignRequested(long runId) {
		return new HashSet<>(this.jdbc
			.sql("SELECT step_execution_id FROM print_partition_lease WHERE run_id = :run AND reassign_requested")
			.param("run", runId)
			.query(Long.class)
			.list());
	}

	/**
	 * Asks the manager to send the partition again, to another worker.
	 * @return whether the run has such a partition still held or waiting
	 */
	public boolean requestReassign(long stepExecutionId) {
		return this.jdbc.sql("""
				UPDATE print_partition_lease SET reassign_requested = TRUE
				WHERE step_execution_id = :id AND (holder_token IS NULL OR holder_token <> :revoked)
				""").param("id", stepExecutionId).param("revoked", REVOKED).update() == 1;
	}

	/** The leases of a run's partitions, by step execution. */
	public List<Lease> ofRun(long runId) {
		return this.jdbc.sql("""
				SELECT step_execution_id, partition_name, dispatch, holder, taken_at
				FROM print_partition_lease WHERE run_id = :run
				""")
			.param("run", runId)
			.query((rs, row) -> new Lease(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getObject(5, LocalDateTime.class)))
			.list();
	}

	/** A partition as the lease table knows it. */
	public record Lease(long stepExecutionId, String partitionName, int dispatches, String holder,
			LocalDateTime takenAt) {

	}

}
