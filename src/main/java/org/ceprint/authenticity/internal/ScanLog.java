package org.ceprint.authenticity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.ScanChannel;
import org.ceprint.registry.CertificateStatus;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verification_scan table: one row per check, no personal data; and
 * verification_scan_daily, the counts per office, document and day that pruning keeps of
 * the rows it deletes.
 */
@Repository
public class ScanLog implements DisposableBean {

	/**
	 * A genuine document's outcome is its certificate status (VALID, SUPERSEDED, VOID);
	 * every other one counts as failed.
	 */
	private static final String FAILED = Arrays.stream(CertificateStatus.values())
		.map((status) -> "'" + status.name() + "'")
		.collect(Collectors.joining(", ", "CASE WHEN outcome IN (", ") THEN 0 ELSE 1 END"));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ScanLogWriter writer;

	ScanLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.writer = new ScanLogWriter(jdbcTemplate, this.transactions);
	}

	/**
	 * Records a check. The row is written in the background, with others (see
	 * {@link ScanLogWriter}); the reads of this class see it, and so does anyone after
	 * {@link #flush}.
	 * @param officeChannel the channel of the office whose document it was, null when no
	 * document of the registry was found
	 */
	public void record(ScanChannel channel, DocumentKind kind, String documentNo, String outcome, String clientKey,
			String officeChannel) {
		this.writer.add(new ScanLogWriter.Row(LocalDateTime.now(this.clock), channel.name(),
				(kind != null) ? kind.name() : null,
				(documentNo != null && documentNo.length() > 60) ? documentNo.substring(0, 60) : documentNo, outcome,
				clientKey, officeChannel));
	}

	/** Waits until every check recorded so far is in the table. */
	public void flush() {
		this.writer.flush();
	}

	/** Writes the checks still queued: the context closes before the database does. */
	@Override
	public void destroy() {
		this.writer.close();
	}

	List<Scan> recent(int limit) {
		flush();
		return this.jdbc.sql("""
				SELECT scanned_at, channel, document_kind, document_no, outcome, client_key
				FROM verification_scan ORDER BY id DESC LIMIT %d
				""".formatted(limit))
			.query((rs, row) -> new Scan(rs.getTimestamp(1).toLocalDateTime(), ScanChannel.ofStored(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * Numbers checked at least {@code threshold} times since {@code since}, most first.
	 */
	List<Frequent> frequent(LocalDateTime since, int threshold) {
		flush();
		return this.jdbc.sql("""
				SELECT document_no, COUNT(*) AS checks, COUNT(DISTINCT client_key) AS clients,
				       SUM(%s) AS failed
				FROM verification_scan WHERE scanned_at >= :since AND document_no IS NOT NULL
				GROUP BY document_no HAVING COUNT(*) >= :threshold ORDER BY checks DESC LIMIT 50
				""".formatted(FAILED))
			.param("since", since)
			.param("threshold", threshold)
			.query((rs, row) -> new Frequent(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/**
	 * Checks of one office's documents per document and day, from {@code from} to
	 * {@code to} inclusive: the rows still kept and the counts of pruned ones, added
	 * together. Latest day first, then most checked.
	 */
	public List<DailyCount> dailyCounts(String officeChannel, LocalDate from, LocalDate to) {
		flush();
		Map<List<Object>, DailyCount> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT scan_date, document_kind, document_no, checks, failed FROM verification_scan_daily
				WHERE office_channel = :office AND scan_date >= :from AND scan_date <= :to
				""")
			.param("office", officeChannel)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new DailyCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getInt(5)))
			.list()
			.forEach((count) -> counts.merge(count.key(), count, DailyCount::plus));
		this.jdbc.sql("""
				SELECT CAST(scanned_at AS DATE) AS scan_date, document_kind, document_no, COUNT(*), SUM(%s)
				FROM verification_scan
				WHERE office_channel = :office AND scanned_at >= :from AND scanned_at < :after
				      AND document_no IS NOT NULL AND document_kind IS NOT NULL
				GROUP BY CAST(scanned_at AS DATE), document_kind, document_no
				""".formatted(FAILED))
			.param("office", officeChannel)
			.param("from", from.atStartOfDay())
			.param("after", to.plusDays(1).atStartOfDay())
			.query((rs, row) -> new DailyCount(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getInt(5)))
			.list()
			.forEach((count) -> counts.merge(count.key(), count, DailyCount::plus));
		return counts.values()
			.stream()
			.sorted(Comparator.comparing(DailyCount::day)
				.reversed()
				.thenComparing(Comparator.comparingInt(DailyCount::checks).reversed())
				.thenComparing(DailyCount::documentNo))
			.toList();
	}

	/**
	 * Deletes the rows logged before {@code cutoff}, after adding those of an office's
	 * documents to the daily counts. One transaction a day of rows, so that a count and
	 * the deletion of what it counts commit together and no transaction grows with the
	 * backlog.
	 * @return the number of rows deleted
	 */
	public int prune(LocalDateTime cutoff) {
		flush();
		int deleted = 0;
		LocalDateTime oldest;
		while ((oldest = oldestBefore(cutoff)) != null) {
			LocalDateTime dayStart = oldest.toLocalDate().atStartOfDay();
			LocalDateTime end = dayStart.plusDays(1).isBefore(cutoff) ? dayStart.plusDays(1) : cutoff;
			deleted += this.transactions.execute((status) -> pruneRange(dayStart, end));
		}
		return deleted;
	}

	private LocalDateTime oldestBefore(LocalDateTime cutoff) {
		return this.jdbc.sql("SELECT MIN(scanned_at) FROM verification_scan WHERE scanned_at < :cutoff")
			.param("cutoff", cutoff)
			.query((rs, row) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toLocalDateTime() : null)
			.optional()
			.orElse(null);
	}

	private int pruneRange(LocalDateTime from, LocalDateTime to) {
		List<OfficeCount> counts = this.jdbc.sql("""
				SELECT office_channel, document_kind, document_no, COUNT(*), SUM(%s) FROM verification_scan
				WHERE scanned_at >= :from AND scanned_at < :to AND office_channel IS NOT NULL
				      AND document_no IS NOT NULL AND document_kind IS NOT NULL
				GROUP BY office_channel, document_kind, document_no
				""".formatted(FAILED))
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new OfficeCount(rs.getString(1), from.toLocalDate(), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getInt(5)))
			.list();
		for (OfficeCount count : counts) {
			int updated = this.jdbc.sql("""
					UPDATE verification_scan_daily SET checks = checks + :checks, failed = failed + :failed
					WHERE office_channel = :office AND scan_date = :day AND document_kind = :kind AND document_no = :no
					""").paramSource(count).update();
			if (updated == 0) {
				this.jdbc
					.sql("""
							INSERT INTO verification_scan_daily (office_channel, scan_date, document_kind, document_no, checks,
							                                     failed)
							VALUES (:office, :day, :kind, :no, :checks, :failed)
							""")
					.paramSource(count)
					.update();
			}
		}
		return this.jdbc.sql("DELETE FROM verification_scan WHERE scanned_at >= :from AND scanned_at < :to")
			.param("from", from)
			.param("to", to)
			.update();
	}

	public record Scan(LocalDateTime at, ScanChannel channel, String kind, String documentNo, String outcome,
			String clientKey) {

	}

	public record Frequent(String documentNo, int checks, int clients, int failed) {

	}

	/**
	 * Checks of one document on one day, and how many of them failed.
	 */
	public record DailyCount(LocalDate day, String kind, String documentNo, int checks, int failed) {

		/** The document kind's Chinese name. */
		public String kindLabel() {
			return DocumentKind.valueOf(this.kind).label();
		}

		List<Object> key() {
			return List.of(this.day, this.kind, this.documentNo);
		}

		DailyCount plus(DailyCount other) {
			return new DailyCount(this.day, this.kind, this.documentNo, this.checks + other.checks,
					this.failed + other.failed);
		}

	}

	/** What pruning adds to verification_scan_daily. */
	private record OfficeCount(String office, LocalDate day, String kind, String no, int checks, int failed) {

	}

}
