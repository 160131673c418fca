package org.ceprint.authenticity.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the scan log's rows from a bounded queue, in batches of up to {@value #BATCH}
 * rows a transaction, on one thread of its own: a verification does not wait for an
 * insert and its commit, and under load one commit serves many rows. When the queue is
 * full, a verification waits for room, so a flood slows down to what the database takes
 * and no row is dropped. {@link #close} (the application context closing) writes the rows
 * still queued before the database closes; only a crash of the process (kill -9, power
 * loss) loses rows, those of the last moment not yet committed. A batch the database
 * refuses is logged by its size and dropped, as the verifications it records were
 * answered already.
 */
final class ScanLogWriter implements AutoCloseable {

	static final int BATCH = 500;

	private static final int QUEUE = 10_000;

	private static final String INSERT = """
			INSERT INTO verification_scan (scanned_at, channel, document_kind, document_no, outcome, client_key,
			                               office_channel)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final Log logger = LogFactory.getLog(ScanLogWriter.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private static final Row STOP = new Row(null, null, null, null, null, null, null);

	private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(QUEUE);

	private final Thread writer;

	/** Rows queued and rows written (or given up), guarded by this. */
	private long queued;

	private long done;

	private boolean closed;

	ScanLogWriter(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.writer = new Thread(this::run, "scan-log-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** Queues a row; after {@link #close}, writes it at once. */
	void add(Row row) {
		synchronized (this) {
			if (this.closed) {
				write(List.of(row));
				return;
			}
			this.queued++;
		}
		try {
			this.queue.put(row);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			write(List.of(row));
			written(1);
		}
	}

	/** Waits until every row queued before this call is written. */
	void flush() {
		synchronized (this) {
			long target = this.queued;
			while (this.done < target && this.writer.isAlive()) {
				try {
					wait(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Writes the rows still queued, then stops the writer. */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
		}
		try {
			// a marker behind the last row rather than an interrupt, which would
			// close the file channel of an embedded database in the middle of a write
			this.queue.put(STOP);
			this.writer.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Row> rest = new ArrayList<>();
		this.queue.drainTo(rest);
		rest.remove(STOP);
		for (int from = 0; from < rest.size(); from += BATCH) {
			List<Row> batch = rest.subList(from, Math.min(rest.size(), from + BATCH));
			write(batch);
			written(batch.size());
		}
	}

	private void run() {
		List<Row> batch = new ArrayList<>(BATCH);
		boolean stop = false;
		while (!stop) {
			try {
				batch.add(this.queue.take());
			}
			catch (InterruptedException ex) {
				return;
			}
			this.queue.drainTo(batch, BATCH - 1);
			stop = batch.remove(STOP);
			if (!batch.isEmpty()) {
				write(batch);
				written(batch.size());
			}
			batch.clear();
		}
	}

	private synchronized void written(int rows) {
		this.done += rows;
		notifyAll();
	}

	private void write(List<Row> rows) {
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc.batchUpdate(INSERT, new Rows(rows)));
		}
		catch (DataAccessException | IllegalStateException ex) {
			logger.warn("查验记录写入失败，丢弃 " + rows.size() + " 行：" + ex.getClass().getSimpleName());
		}
	}

	/** A row of verification_scan as recorded: time taken when the check was answered. */
	record Row(LocalDateTime at, String channel, String kind, String documentNo, String outcome, String clientKey,
			String office) {

	}

	private record Rows(List<Row> rows) implements BatchPreparedStatementSetter {

		@Override
		public void setValues(PreparedStatement statement, int i) throws SQLException {
			Row row = this.rows.get(i);
			statement.setObject(1, row.at());
			statement.setString(2, row.channel());
			setNullable(statement, 3, row.kind());
			setNullable(statement, 4, row.documentNo());
			statement.setString(5, row.outcome());
			statement.setString(6, row.clientKey());
			setNullable(statement, 7, row.office());
		}

		@Override
		public int getBatchSize() {
			return this.rows.size();
		}

		private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
			if (value != null) {
				statement.setString(index, value);
			}
			else {
				statement.setNull(index, Types.VARCHAR);
			}
		}

	}

}
