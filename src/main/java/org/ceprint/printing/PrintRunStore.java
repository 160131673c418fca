package org.ceprint.printing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ceprint.printing.DocumentSource.Recipient;
import org.ceprint.rendering.RenderOptions.Stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The print_run, print_document and print_reject tables.
 */
@Repository
class PrintRunStore {

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
				                       mask_id_numbers, printer, folder, created_at, by_numbers, submission_id)
				VALUES (:job, :scope, :channel, :unit, :year, :reprint, :stock, :mask, :printer, :folder, :now,
				        :byNumbers, :submission)
				""")
			.param("submission", request.submissionId())
			.param("byNumbers", !request.certificateNumbers().isEmpty())
			.param("job", request.what().name())
			.param("scope", request.scopeLabel())
			.param("stock", request.style().stock().name())
			.param("mask", request.style().maskIdNumbers())
			.param("printer", request.style().printer())
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
	Optional<PrintProgress> progress(long runId) {
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
	List<Long> recentRunIds(int limit) {
		return this.jdbc.sql("SELECT id FROM print_run ORDER BY id DESC LIMIT " + limit).query(Long.class).list();
	}

	PrintRunRecord find(long runId) {
		return this.jdbc.sql("SELECT * FROM print_run WHERE id = :id").param("id", runId).query(this::run).single();
	}

	void addDocuments(long runId, String kind, String fileName, List<PrintedDocument> documents,
			Map<String, Recipient> recipients, LocalDateTime now) {
		for (PrintedDocument document : documents) {
			Recipient recipient = recipients.get(document.documentNo());
			this.jdbc.sql("""
					INSERT INTO print_document (run_id, document_kind, document_no, file_name, first_page, last_page,
					                            content_sha256, printed_at, unit_id, unit_name, holder_name)
					VALUES (:run, :kind, :no, :file, :first, :last, :sha, :now, :unit, :unitName, :holder)
					""")
				.param("unit", (recipient != null) ? recipient.unitId() : null)
				.param("unitName", (recipient != null) ? recipient.unitName() : null)
				.param("holder", (recipient != null) ? recipient.holderName() : null)
				.param("run", runId)
				.param("kind", kind)
				.param("no", document.documentNo())
				.param("file", fileName)
				.param("first", document.firstPage())
				.param("last", document.lastPage())
				.param("sha", document.contentSha256())
				.param("now", now)
				.update();
		}
	}

	void addReject(long runId, String kind, String documentNo, String reason, LocalDateTime now) {
		addReject(runId, kind, documentNo, reason, null, now);
	}

	/**
	 * @param heldByRun the unfinished run that holds the document, or null
	 */
	void addReject(long runId, String kind, String documentNo, String reason, Long heldByRun, LocalDateTime now) {
		this.jdbc.sql("""
				INSERT INTO print_reject (run_id, document_kind, document_no, reason, rejected_at, held_by_run)
				VALUES (:run, :kind, :no, :reason, :now, :heldBy)
				""")
			.param("heldBy", heldByRun)
			.param("run", runId)
			.param("kind", kind)
			.param("no", documentNo)
			.param("reason", (reason.length() > 500) ? reason.substring(0, 500) : reason)
			.param("now", now)
			.update();
	}

	List<String[]> rejects(long runId) {
		return this.jdbc
			.sql("SELECT document_no, document_kind, reason FROM print_reject WHERE run_id = :run ORDER BY id")
			.param("run", runId)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
	}

	/** Records set aside because other unfinished runs hold them: how many, by run. */
	Map<Long, Integer> heldByOtherRuns(long runId) {
		Map<Long, Integer> held = new java.util.TreeMap<>();
		this.jdbc.sql("""
				SELECT held_by_run, COUNT(*) FROM print_reject WHERE run_id = :run AND held_by_run IS NOT NULL
				GROUP BY held_by_run
				""").param("run", runId).query((rs, row) -> held.put(rs.getLong(1), rs.getInt(2))).list();
		return held;
	}

	int countRejects(long runId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM print_reject WHERE run_id = :run")
			.param("run", runId)
			.query(Integer.class)
			.single();
	}

	/** The first document of a kind in print order, or null. */
	String firstDocumentNo(long runId, String kind) {
		return this.jdbc.sql("""
				SELECT document_no FROM print_document WHERE run_id = :run AND document_kind = :kind
				ORDER BY file_name, first_page LIMIT 1
				""").param("run", runId).param("kind", kind).query(String.class).optional().orElse(null);
	}

	Map<String, Integer> printedByKind(long runId) {
		return this.jdbc
			.sql("SELECT document_kind, COUNT(*) FROM print_document WHERE run_id = :run GROUP BY document_kind")
			.param("run", runId)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			// GROUP BY returns each kind once; a second row for a kind would be a
			// database fault
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> {
				throw new IllegalStateException("打印批次 %d 的文件统计中同一种类出现两次".formatted(runId));
			}));
	}

	Optional<PrintRunRecord> lookup(long runId) {
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

	void abandon(long runId, LocalDateTime now) {
		this.jdbc.sql("UPDATE print_run SET abandoned_at = :now WHERE id = :id")
			.param("now", now)
			.param("id", runId)
			.update();
	}

	boolean isCompleted(long runId) {
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
						rs.getString("printer")),
				this.properties.outputDir().resolve(rs.getString("folder")), rs.getBoolean("by_numbers"),
				rs.getObject("submission_id", Long.class));
	}

	/**
	 * Streams the documents of a kind that were handed to units, by unit and then in
	 * print order, without holding them all in memory.
	 */
	void forEachSlipLine(long runId, String kind, java.util.function.Consumer<SlipLine> consumer) {
		try (var lines = this.jdbc.sql("""
				SELECT unit_id, unit_name, document_no, holder_name, file_name, first_page, last_page
				FROM print_document WHERE run_id = :run AND document_kind = :kind AND unit_id IS NOT NULL
				ORDER BY unit_id, file_name, first_page
				""")
			.param("run", runId)
			.param("kind", kind)
			.query((rs, row) -> new SlipLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getInt(7)))
			.stream()) {
			lines.forEach(consumer);
		}
	}

	/**
	 * Streams the manifest lines of a run in print order.
	 */
	void forEachManifestLine(long runId, java.util.function.Consumer<ManifestLine> consumer) {
		try (var lines = this.jdbc.sql("""
				SELECT document_no, document_kind, file_name, first_page, last_page, content_sha256
				FROM print_document WHERE run_id = :run ORDER BY file_name, first_page
				""")
			.param("run", runId)
			.query((rs, row) -> new ManifestLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getInt(5), rs.getString(6)))
			.stream()) {
			lines.forEach(consumer);
		}
	}

	/** The file of the newest print of a document, if it was printed. */
	Optional<Path> latestFile(String kind, String documentNo) {
		return this.jdbc.sql("""
				SELECT r.folder, d.file_name FROM print_document d JOIN print_run r ON r.id = d.run_id
				WHERE d.document_kind = :kind AND d.document_no = :no ORDER BY d.id DESC
				""")
			.param("kind", kind)
			.param("no", documentNo)
			.query((rs, row) -> this.properties.outputDir().resolve(rs.getString(1)).resolve(rs.getString(2)))
			.stream()
			.findFirst();
	}

	List<Path> documentFiles(long runId) {
		return this.jdbc.sql("""
				SELECT DISTINCT r.folder, d.file_name FROM print_document d JOIN print_run r ON r.id = d.run_id
				WHERE d.run_id = :run ORDER BY d.file_name
				""")
			.param("run", runId)
			.query((rs, row) -> this.properties.outputDir().resolve(rs.getString(1)).resolve(rs.getString(2)))
			.list();
	}

	/** Status, printed state and city of the certificates with these numbers. */
	Map<String, CertificateState> certificateStates(Collection<String> numbers) {
		Map<String, CertificateState> states = new java.util.HashMap<>();
		List<String> all = List.copyOf(numbers);
		for (int from = 0; from < all.size(); from += 500) {
			this.jdbc.sql(
					"SELECT certificate_no, status, printed_at, channel_code FROM certificate WHERE certificate_no IN (:nos)")
				.param("nos", all.subList(from, Math.min(all.size(), from + 500)))
				.query((rs, row) -> new CertificateState(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null,
						rs.getString(4)))
				.list()
				.forEach((state) -> states.put(state.number(), state));
		}
		return states;
	}

	record CertificateState(String number, String status, boolean printed, String channelCode) {

		String statusLabel() {
			return org.ceprint.registry.CertificateStatus.valueOf(this.status).label();
		}

	}

	record SlipLine(long unitId, String unitName, String documentNo, String holderName, String fileName, int firstPage,
			int lastPage) {

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "SlipLine[documentNo=%s]".formatted(this.documentNo);
		}

	}

	record ManifestLine(String documentNo, String kind, String fileName, int firstPage, int lastPage,
			String contentSha256) {

	}

}
