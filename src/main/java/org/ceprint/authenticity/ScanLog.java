package org.ceprint.authenticity;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The verification_scan table: one row per check, no personal data.
 */
@Repository
public class ScanLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	ScanLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String channel, DocumentKind kind, String documentNo, String outcome, String clientKey) {
		this.jdbc.sql("""
				INSERT INTO verification_scan (scanned_at, channel, document_kind, document_no, outcome, client_key)
				VALUES (:at, :channel, :kind, :no, :outcome, :client)
				""")
			.param("at", LocalDateTime.now(this.clock))
			.param("channel", channel)
			.param("kind", (kind != null) ? kind.name() : null)
			.param("no", (documentNo != null && documentNo.length() > 60) ? documentNo.substring(0, 60) : documentNo)
			.param("outcome", outcome)
			.param("client", clientKey)
			.update();
	}

	List<Scan> recent(int limit) {
		return this.jdbc.sql("""
				SELECT scanned_at, channel, document_kind, document_no, outcome, client_key
				FROM verification_scan ORDER BY id DESC LIMIT %d
				""".formatted(limit))
			.query((rs, row) -> new Scan(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * Numbers checked at least {@code threshold} times since {@code since}, most first.
	 */
	List<Frequent> frequent(LocalDateTime since, int threshold) {
		return this.jdbc.sql("""
				SELECT document_no, COUNT(*) AS checks, COUNT(DISTINCT client_key) AS clients,
				       SUM(CASE WHEN outcome IN ('VALID', 'SUPERSEDED', 'VOID') THEN 0 ELSE 1 END) AS failed
				FROM verification_scan WHERE scanned_at >= :since AND document_no IS NOT NULL
				GROUP BY document_no HAVING COUNT(*) >= :threshold ORDER BY checks DESC LIMIT 50
				""")
			.param("since", since)
			.param("threshold", threshold)
			.query((rs, row) -> new Frequent(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	public record Scan(LocalDateTime at, String channel, String kind, String documentNo, String outcome,
			String clientKey) {

	}

	public record Frequent(String documentNo, int checks, int clients, int failed) {

	}

}
