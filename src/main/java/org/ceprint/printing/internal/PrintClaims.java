package org.ceprint.printing.internal;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.ceprint.printing.internal.PrintSelections.Selection;
import org.ceprint.registry.RegistryDependents;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The print_claim table: which unfinished run holds which document. A run claims its
 * selection when it is recorded, prints exactly its claims, and releases them when it
 * completes or is abandoned; a document claimed by another unfinished run is not claimed
 * again but set aside with the other run's number.
 */
@Repository
public class PrintClaims implements RegistryDependents {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	PrintClaims(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Waits for, and holds until the caller's transaction ends, the lock that lets one
	 * run at a time claim. Must be the first statement of the transaction that claims.
	 */
	void lockClaiming(LocalDateTime now) {
		this.jdbc.sql("UPDATE print_claim_guard SET last_claim_at = :now WHERE id = 1").param("now", now).update();
	}

	/**
	 * Claims for the run every document of the selection that no other unfinished run
	 * holds, inside the caller's transaction (which holds {@link #lockClaiming}).
	 * @return how many documents the run claimed, and those another run holds
	 */
	Claimed claim(long runId, Selection selection, LocalDateTime now) {
		Map<String, Object> parameters = new HashMap<>(selection.parameters());
		parameters.put("claimKind", selection.claimKind());
		parameters.put("claimRun", runId);
		parameters.put("claimedAt", now);
		int claimed = this.jdbc.sql("""
				INSERT INTO print_claim (claim_kind, document_key, run_id, partition_code, unit_id, claimed_at)
				SELECT :claimKind, s.document_key, :claimRun, s.partition_code, s.unit_id, :claimedAt
				FROM (%s) s
				WHERE NOT EXISTS (SELECT 1 FROM print_claim k
				                  WHERE k.claim_kind = :claimKind AND k.document_key = s.document_key)
				""".formatted(selection.sql())).params(parameters).update();
		List<HeldElsewhere> held = this.jdbc.sql("""
				SELECT s.document_no, k.run_id FROM (%s) s
				JOIN print_claim k ON k.claim_kind = :claimKind AND k.document_key = s.document_key
				WHERE k.run_id <> :claimRun
				ORDER BY s.document_no
				""".formatted(selection.sql()))
			.params(parameters)
			.query((rs, row) -> new HeldElsewhere(rs.getString(1), rs.getLong(2)))
			.list();
		return new Claimed(claimed, held);
	}

	/**
	 * Pages through the run's claims of one kind in one partition, by unit and key; the
	 * claims do not change while the run lasts, so a restarted step reads the same pages.
	 */
	JdbcPagingItemReader<Long> reader(long runId, String claimKind, String partition, UnitRange units, int pageSize)
			throws Exception {
		Map<String, Order> sortKeys = new LinkedHashMap<>();
		sortKeys.put("unit_id", Order.ASCENDING);
		sortKeys.put("document_key", Order.ASCENDING);
		return new JdbcPagingItemReaderBuilder<Long>().name("claims")
			.dataSource(this.dataSource)
			.selectClause("SELECT document_key, unit_id")
			.fromClause("FROM print_claim")
			.whereClause("run_id = :run AND claim_kind = :kind AND partition_code = :partition"
					+ ((units != null) ? " AND unit_id BETWEEN :unitFrom AND :unitTo" : ""))
			.parameterValues(
					(units != null)
							? Map.of("run", runId, "kind", claimKind, "partition", partition, "unitFrom", units.from(),
									"unitTo", units.to())
							: Map.of("run", runId, "kind", claimKind, "partition", partition))
			.sortKeys(sortKeys)
			.pageSize(pageSize)
			.rowMapper((rs, row) -> rs.getLong("document_key"))
			.build();
	}

	/**
	 * The documents of the run in each unit, city by city in code order and unit by unit:
	 * for each unit the count of the kind it has most of (certificates and register cards
	 * of a full run are printed by separate steps over the same partitions).
	 */
	List<UnitSize> unitSizes(long runId) {
		return this.jdbc.sql("""
				SELECT partition_code, unit_id, MAX(documents) FROM (
				  SELECT partition_code, unit_id, claim_kind, COUNT(*) AS documents FROM print_claim
				  WHERE run_id = :run AND partition_code <> '' GROUP BY partition_code, unit_id, claim_kind) k
				GROUP BY partition_code, unit_id ORDER BY partition_code, unit_id
				""")
			.param("run", runId)
			.query((rs, row) -> new UnitSize(rs.getString(1), rs.getLong(2), rs.getInt(3)))
			.list();
	}

	/**
	 * The run's claims of one kind, by partition, unit and key: what a run printed
	 * without a job prints.
	 */
	List<Claim> claimsOf(long runId, String claimKind) {
		return this.jdbc.sql("""
				SELECT document_key, partition_code FROM print_claim WHERE run_id = :run AND claim_kind = :kind
				ORDER BY partition_code, unit_id, document_key
				""")
			.param("run", runId)
			.param("kind", claimKind)
			.query((rs, row) -> new Claim(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Releases every claim of the run, in the caller's transaction. */
	public int release(long runId) {
		return this.jdbc.sql("DELETE FROM print_claim WHERE run_id = :run").param("run", runId).update();
	}

	/**
	 * A fresh registry (a new demonstration) leaves no document to hold: runs still
	 * unfinished then can only be abandoned.
	 */
	@Override
	public void beforeRegistryCleared() {
		this.jdbc.sql("DELETE FROM print_claim").update();
	}

	/** What one claim got: the documents claimed, and those held by other runs. */
	record Claimed(int claimed, List<HeldElsewhere> heldElsewhere) {

	}

	/** How many documents of a run one unit holds. */
	record UnitSize(String city, long unitId, int documents) {

	}

	/** The units from and to (inclusive) of a partition that is part of a city. */
	record UnitRange(long from, long to) {

	}

	/** A document a run holds, and the partition it prints in. */
	record Claim(long key, String partition) {

	}

	/** A document another unfinished run holds. */
	record HeldElsewhere(String documentNo, long runId) {

	}

}
