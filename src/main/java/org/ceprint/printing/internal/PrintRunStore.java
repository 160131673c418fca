package org.ceprint.printing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintProgress;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintStyle;
import org.ceprint.rendering.RenderOptions.Stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The print_run and print_run_number tables: the runs, what each selects and where it
 * writes; what they printed is in {@link PrintedDocuments}.
 */
@Repository
public class PrintRunStore {

	private final JdbcClient jdbc;

	private final PrintingProperties properties;

	PrintRunStore(JdbcClient jdbc, PrintingProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	PrintRunRecord create(PrintRequest request, LocalDateTime now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO print_run (job_name, scope_label, channel_code, unit_id, entry_year, reprint, stock,
				                       mask_id_numbers, printer, folder, created_at, by_numbers, submission_id,
				                       archive_copies)
				VALUES (:job, :scope, :channel, :unit, :year, :reprint, :stock, :mask, :printer, :folder, :now,
				        :byNumbers, :submission, :archive)
				""")
			.param("submission", request.submissionId())
			.param("byNumbers", !request.certificateNumbers().isEmpty())
			.param("job", request.what().name())
			.param("scope", request.scopeLabel())
			.param("stock", request.style().stock().name())
			.param("mask", request.style().maskIdNumbers())
			.param("printer", request.style().printer())
			.param("archive", request.style().archiveCopies())
			.param("channel", request.channelCode())
			.param("unit", request.unitId())
			.param("year", request.entryYear())
			.param("reprint", request.reprint())
			.param("folder", "pending-" + UUID.randomUUID())
			.param("now", now)
			.update(key, "id");
		long id = key.getKey().longValue();
		String folder = reserveFolder(
				"%s-%s-%s-%d".formatted(LocalDate.from(now), request.what().folderLabel(), request.scopeLabel(), id));
		this.jdbc.sql("UPDATE print_run SET folder = :folder WHERE id = :id")
			.param("folder", folder)
			.param("id", id)
			.update();
		return find(id);
	}

	/**
	 * Creates the run's folder under a name no folder has yet. Run ids restart in every
	 * database, so another database writing to the same output folder (the embedded one
	 * and a MariaDB server, say) may have used the name: its folder, and its
	 * {@code _COMPLETE}, must never pass for this run's.
	 */
	private String reserveFolder(String name) {
		Path outputDir = this.properties.outputDir();
		try {
			Files.createDirectories(outputDir);
			for (int attempt = 1;; attempt++) {
				String candidate = (attempt == 1) ? name : name + "-" + attempt;
				try {
					Files.createDirectory(outputDir.resolve(candidate));
					return candidate;
				}
				catch (FileAlreadyExistsException ex) {
					// taken by a run of another database: try the next name
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法创建打印批次目录 " + outputDir.resolve(name), ex);
		}
	}

	void addNumbers(long runId, Collection<String> numbers) {
		for (String number : numbers) {
			this.jdbc.sql("INSERT INTO print_run_number (run_id, document_no) VALUES (:run, :no)")
				.param("run", runId)
				.param("no", number)
				.update();
		}
	}

	void plan(long runId, int planned) {
		this.jdbc.sql("UPDATE print_run SET planned = :planned WHERE id = :id")
			.param("planned", planned)
			.param("id", runId)
			.update();
	}

	/**
	 * How far a run has got: documents printed and records set aside so far, of those it
	 * selected at its start.
	 */
	public Optional<PrintProgress> progress(long runId) {
		return this.jdbc.sql("""
				SELECT r.id, r.job_name, r.folder, r.planned, r.created_at, r.completed_at,
				       (SELECT COUNT(*) FROM print_document d WHERE d.run_id = r.id) AS printed,
				       (SELECT COUNT(*) FROM print_reject j WHERE j.run_id = r.id) AS rejected
				FROM print_run r WHERE r.id = :id
				""").param("id", runId).query((rs, row) -> {
			java.sql.Timestamp completed = rs.getTimestamp("completed_at");
			return new PrintProgress(rs.getLong("id"), rs.getString("job_name"), rs.getString("folder"),
					(Integer) rs.getObject("planned", Integer.class), rs.getInt("printed"), rs.getInt("rejected"),
					rs.getTimestamp("created_at").toLocalDateTime(),
					(completed != null) ? completed.toLocalDateTime() : null);
		}).optional();
	}

	/** The newest runs, newest first. */
	public List<Long> recentRunIds(int limit) {
		return this.jdbc.sql("SELECT id FROM print_run ORDER BY id DESC LIMIT " + limit).query(Long.class).list();
	}

	public PrintRunRecord find(long runId) {
		return this.jdbc.sql("SELECT * FROM print_run WHERE id = :id").param("id", runId).query(this::run).single();
	}

	public Optional<PrintRunRecord> lookup(long runId) {
		return this.jdbc.sql("SELECT * FROM print_run WHERE id = :id").param("id", runId).query(this::run).optional();
	}

	/** The newest run that has neither completed nor been abandoned, if any. */
	Optional<PrintRunRecord> latestUnfinished() {
		return this.jdbc
			.sql("SELECT * FROM print_run WHERE completed_at IS NULL AND abandoned_at IS NULL ORDER BY id DESC")
			.query(this::run)
			.stream()
			.findFirst();
	}

	void complete(long runId, LocalDateTime now) {
		this.jdbc.sql("UPDATE print_run SET completed_at = :now WHERE id = :id")
			.param("now", now)
			.param("id", runId)
			.update();
	}

	public void abandon(long runId, LocalDateTime now) {
		this.jdbc.sql("UPDATE print_run SET abandoned_at = :now WHERE id = :id")
			.param("now", now)
			.param("id", runId)
			.update();
	}

	public boolean isCompleted(long runId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM print_run WHERE id = :id AND completed_at IS NOT NULL")
			.param("id", runId)
			.query(Integer.class)
			.single() > 0;
	}

	boolean isAbandoned(long runId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM print_run WHERE id = :id AND abandoned_at IS NOT NULL")
			.param("id", runId)
			.query(Integer.class)
			.single() > 0;
	}

	private PrintRunRecord run(ResultSet rs, int row) throws SQLException {
		return new PrintRunRecord(rs.getLong("id"), PrintJob.valueOf(rs.getString("job_name")),
				rs.getString("channel_code"), (Long) rs.getObject("unit_id", Long.class),
				(Integer) rs.getObject("entry_year", Integer.class), rs.getBoolean("reprint"),
				new PrintStyle(Stock.valueOf(rs.getString("stock")), rs.getBoolean("mask_id_numbers"),
						rs.getString("printer"), rs.getBoolean("archive_copies")),
				this.properties.outputDir().resolve(rs.getString("folder")), rs.getBoolean("by_numbers"),
				rs.getObject("submission_id", Long.class));
	}

}
