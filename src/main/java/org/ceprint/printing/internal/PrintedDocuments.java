package org.ceprint.printing.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.ceprint.printing.internal.DocumentSource.Recipient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The print_document and print_reject tables: what each run printed, where, and what it
 * set aside.
 */
@Repository
public class PrintedDocuments {

	private final JdbcClient jdbc;

	private final PrintingProperties properties;

	PrintedDocuments(JdbcClient jdbc, PrintingProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
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
	public Map<Long, Integer> heldByOtherRuns(long runId) {
		Map<Long, Integer> held = new TreeMap<>();
		this.jdbc.sql("""
				SELECT held_by_run, COUNT(*) FROM print_reject WHERE run_id = :run AND held_by_run IS NOT NULL
				GROUP BY held_by_run
				""").param("run", runId).query((rs, row) -> held.put(rs.getLong(1), rs.getInt(2))).list();
		return held;
	}

	public int countRejects(long runId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM print_reject WHERE run_id = :run")
			.param("run", runId)
			.query(Integer.class)
			.single();
	}

	/** The first document of a kind in print order, or null. */
	public String firstDocumentNo(long runId, String kind) {
		return this.jdbc.sql("""
				SELECT document_no FROM print_document WHERE run_id = :run AND document_kind = :kind
				ORDER BY file_name, first_page LIMIT 1
				""").param("run", runId).param("kind", kind).query(String.class).optional().orElse(null);
	}

	public Map<String, Integer> printedByKind(long runId) {
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

	/**
	 * Streams the documents of a kind that were handed to units, by unit and then in
	 * print order, without holding them all in memory.
	 */
	void forEachSlipLine(long runId, String kind, Consumer<SlipLine> consumer) {
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
	void forEachManifestLine(long runId, Consumer<ManifestLine> consumer) {
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
	public Optional<Path> latestFile(String kind, String documentNo) {
		return this.jdbc.sql("""
				SELECT r.folder, d.file_name FROM print_document d JOIN print_run r ON r.id = d.run_id
				WHERE d.document_kind = :kind AND d.document_no = :no ORDER BY d.id DESC LIMIT 1
				""")
			.param("kind", kind)
			.param("no", documentNo)
			// optional(), not stream(): an unclosed stream kept its pooled connection
			// outside a
			// transaction, and the counter's page, polling this, ran the pool dry
			.query((rs, row) -> this.properties.outputDir().resolve(rs.getString(1)).resolve(rs.getString(2)))
			.optional();
	}

	/** The file and pages of the newest print of a document, if it was printed. */
	public Optional<PrintedPages> latestPages(String kind, String documentNo) {
		return this.jdbc.sql("""
				SELECT r.folder, d.file_name, d.first_page, d.last_page
				FROM print_document d JOIN print_run r ON r.id = d.run_id
				WHERE d.document_kind = :kind AND d.document_no = :no ORDER BY d.id DESC LIMIT 1
				""")
			.param("kind", kind)
			.param("no", documentNo)
			.query((rs, row) -> new PrintedPages(
					this.properties.outputDir().resolve(rs.getString(1)).resolve(rs.getString(2)), rs.getInt(3),
					rs.getInt(4)))
			.optional();
	}

	public List<Path> documentFiles(long runId) {
		return this.jdbc.sql("""
				SELECT DISTINCT r.folder, d.file_name FROM print_document d JOIN print_run r ON r.id = d.run_id
				WHERE d.run_id = :run ORDER BY d.file_name
				""")
			.param("run", runId)
			.query((rs, row) -> this.properties.outputDir().resolve(rs.getString(1)).resolve(rs.getString(2)))
			.list();
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

	/** A document's pages (1-based, inclusive) in its print file. */
	public record PrintedPages(Path file, int firstPage, int lastPage) {

	}

	record ManifestLine(String documentNo, String kind, String fileName, int firstPage, int lastPage,
			String contentSha256) {

	}

}
