package org.ceprint.registry;

import java.util.ArrayList;
import java.util.List;

import org.ceprint.ConflictException;
import org.ceprint.InvalidRequestException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draws certificate numbers from the per-channel, per-year serial in
 * {@code certificate_number_sequence}. Each draw locks the sequence row
 * ({@code SELECT … FOR
 * UPDATE}) in a transaction of its own, so concurrent issuers never get the same serial;
 * numbers are unique, not gapless (a drawn number whose certificate is never stored stays
 * unused).
 */
@Component
public class CertificateNumberAllocator {

	private final JdbcClient jdbc;

	private final TransactionTemplate newTransaction;

	CertificateNumberAllocator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public String next(String channelCode, int year) {
		return allocate(channelCode, year, 1).get(0);
	}

	/**
	 * Draws {@code count} consecutive numbers in one go, for bulk issue.
	 */
	public List<String> allocate(String channelCode, int year, int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be positive: " + count);
		}
		createSequenceIfMissing(channelCode, year);
		int first = this.newTransaction.execute((status) -> {
			int next = this.jdbc.sql("""
					SELECT next_serial FROM certificate_number_sequence
					WHERE channel_code = :channel AND issue_year = :year FOR UPDATE
					""").param("channel", channelCode).param("year", year).query(Integer.class).single();
			if (next + count - 1 > CertificateNumbers.MAX_SERIAL) {
				throw new ConflictException(
						"发证机关 %s 的 %d 年证书编号已用尽（流水号上限 %d）".formatted(channelCode, year, CertificateNumbers.MAX_SERIAL));
			}
			this.jdbc.sql("""
					UPDATE certificate_number_sequence SET next_serial = next_serial + :count
					WHERE channel_code = :channel AND issue_year = :year
					""").param("count", count).param("channel", channelCode).param("year", year).update();
			return next;
		});
		List<String> numbers = new ArrayList<>(count);
		for (int serial = first; serial < first + count; serial++) {
			numbers.add(CertificateNumbers.format(channelCode, year, serial));
		}
		return numbers;
	}

	/**
	 * A plain insert of the missing row, its duplicate ignored. (An INSERT … SELECT …
	 * WHERE NOT EXISTS on the same table takes shared gap locks on MariaDB, and two
	 * issuers drawing the first number of a year deadlocked on them.)
	 */
	private void createSequenceIfMissing(String channelCode, int year) {
		if (sequenceExists(channelCode, year)) {
			return;
		}
		Integer channels = this.jdbc.sql("SELECT COUNT(*) FROM channel WHERE code = :channel")
			.param("channel", channelCode)
			.query(Integer.class)
			.single();
		if (channels == 0) {
			throw new InvalidRequestException("发证机关代码 " + channelCode + " 未知");
		}
		try {
			this.newTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
					INSERT INTO certificate_number_sequence (channel_code, issue_year, next_serial)
					VALUES (:channel, :year, 1)
					""").param("channel", channelCode).param("year", year).update());
		}
		catch (DuplicateKeyException ex) {
			// another issuer created the row first: it is there now, which is all we need
		}
	}

	private boolean sequenceExists(String channelCode, int year) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM certificate_number_sequence WHERE channel_code = :channel AND issue_year = :year
				""").param("channel", channelCode).param("year", year).query(Integer.class).single() > 0;
	}

}
