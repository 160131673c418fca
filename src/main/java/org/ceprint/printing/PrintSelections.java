package org.ceprint.printing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.registry.CertificateStatus;
import org.ceprint.registry.EntryStatus;

/**
 * What a run prints: for each kind of document, the rows its selection holds when the run
 * is recorded, as {@code document_key, partition_code, unit_id, document_no}. The rows
 * become the run's claims ({@link PrintClaims}), and the run prints its claims, not the
 * live selection.
 * <p>
 * The selections are written with joins and {@code EXISTS}, not
 * {@code col IN (SELECT …)}: H2 2.4 (and 2.5) returns some rows twice when a prepared
 * query whose index lookup is an {@code IN (SELECT …)} runs again with new parameters,
 * which is how a paging reader runs it (reproduced in {@code EmbeddedDatabaseTests}); it
 * made the default demo print a unit's register cards twice in one chunk and fail.
 */
final class PrintSelections {

	/** Booklets: a certificate, and later its seal overlay, are one document. */
	static final String BOOKLET = "CERTIFICATE";

	static final String REGISTER_CARD = "REGISTER_CARD";

	static final String SUBMISSION_TABLE = "SUBMISSION_TABLE";

	static final String RETURN_SLIP = "RETURN_SLIP";

	/** Partition code of a step that is not partitioned. */
	static final String WHOLE_RUN = "";

	private static final String CERTIFICATES = """
			SELECT c.id AS document_key, c.channel_code AS partition_code, p.unit_id AS unit_id,
			       c.certificate_no AS document_no
			FROM certificate c JOIN person p ON p.id = c.person_id""";

	private PrintSelections() {
	}

	/** The run's documents, one selection per kind, in the order its job prints them. */
	static List<Selection> of(PrintRunRecord run) {
		return switch (run.job()) {
			case CERTIFICATES -> List.of(certificates(run));
			case REGISTER_CARDS -> List.of(registerCards(run));
			case SUMMARY_TABLES -> List.of(summaryTables(run));
			case SEAL_OVERLAYS -> List.of(sealOverlays(run));
			case RETURN_SLIPS -> List.of(returnSlips(run));
			case ALL -> List.of(certificates(run), registerCards(run), summaryTables(run));
		};
	}

	static Selection certificates(PrintRunRecord run) {
		Selection selection = new Selection(BOOKLET, PrintJob.CERTIFICATES_KIND, CERTIFICATES)
			.where("c.status = :valid", "valid", CertificateStatus.VALID.name());
		if (!run.reprint()) {
			selection.where("c.printed_at IS NULL");
		}
		return certificateScope(selection, run);
	}

	/** Printed booklets with verified entries whose seal has not been printed. */
	static Selection sealOverlays(PrintRunRecord run) {
		Selection selection = new Selection(BOOKLET, "SEAL_OVERLAY", CERTIFICATES)
			.where("c.status = :valid AND c.printed_at IS NOT NULL", "valid", CertificateStatus.VALID.name())
			.where("""
					EXISTS (SELECT 1 FROM registration_entry e
					        WHERE e.person_id = c.person_id AND e.status = :verified AND e.sealed_at IS NULL)""",
					"verified", EntryStatus.VERIFIED.name());
		return certificateScope(selection, run);
	}

	private static Selection certificateScope(Selection selection, PrintRunRecord run) {
		if (run.byNumbers()) {
			selection
				.where("""
						EXISTS (SELECT 1 FROM print_run_number n WHERE n.run_id = :run AND n.document_no = c.certificate_no)""",
						"run", run.id());
		}
		if (run.channelCode() != null) {
			selection.where("c.channel_code = :channel", "channel", run.channelCode());
		}
		if (run.unitId() != null) {
			selection.where("p.unit_id = :unit", "unit", run.unitId());
		}
		return selection;
	}

	/**
	 * One card per person, partitioned by the city of the person's unit; labelled in
	 * reports by the person's valid certificate.
	 */
	static Selection registerCards(PrintRunRecord run) {
		Selection selection = new Selection(REGISTER_CARD, REGISTER_CARD, """
				SELECT p.id AS document_key, o.channel_code AS partition_code, p.unit_id AS unit_id,
				       COALESCE(c.certificate_no, CONCAT('人员#', p.id)) AS document_no
				FROM person p JOIN organisation o ON o.id = p.unit_id
				LEFT JOIN certificate c ON c.current_holder_id = p.id""");
		if (run.byNumbers()) {
			selection.where("""
					EXISTS (SELECT 1 FROM certificate b JOIN print_run_number n ON n.document_no = b.certificate_no
					        WHERE n.run_id = :run AND b.person_id = p.id)""", "run", run.id());
		}
		if (run.unitId() != null) {
			selection.where("p.unit_id = :unit", "unit", run.unitId());
		}
		if (run.channelCode() != null) {
			selection.where("o.channel_code = :channel", "channel", run.channelCode());
		}
		if (run.job() == PrintJob.REGISTER_CARDS && run.entryYear() != null) {
			selection.where("""
					EXISTS (SELECT 1 FROM registration_entry e
					        WHERE e.person_id = p.id AND e.start_date >= :from AND e.start_date < :to)""", "from",
					LocalDate.of(run.entryYear(), 1, 1));
			selection.parameters.put("to", LocalDate.of(run.entryYear() + 1, 1, 1));
		}
		return selection;
	}

	/**
	 * A submission's table, or one table per registering body for the run's year (a
	 * document of its own for each year, so its claim kind names the year).
	 */
	static Selection summaryTables(PrintRunRecord run) {
		if (run.submissionId() != null) {
			return submission(SUBMISSION_TABLE, "SUMMARY_TABLE", run);
		}
		int year = run.entryYear();
		Selection selection = new Selection("SUMMARY_TABLE:" + year, "SUMMARY_TABLE", """
				SELECT o.id AS document_key, '' AS partition_code, o.id AS unit_id,
				       CONCAT(o.credit_code, '-%d') AS document_no
				FROM organisation o""".formatted(year)).where("""
				EXISTS (SELECT 1 FROM registration_entry e
				        WHERE e.registered_by_id = o.id AND e.start_date >= :from AND e.start_date < :to)""", "from",
				LocalDate.of(year, 1, 1));
		selection.parameters.put("to", LocalDate.of(year + 1, 1, 1));
		if (run.channelCode() != null) {
			selection.where("o.channel_code = :channel", "channel", run.channelCode());
		}
		if (run.unitId() != null) {
			selection.where("o.id = :unit", "unit", run.unitId());
		}
		return selection;
	}

	static Selection returnSlips(PrintRunRecord run) {
		return submission(RETURN_SLIP, RETURN_SLIP, run);
	}

	/** The one document of a submission's run: its key is the submission. */
	private static Selection submission(String claimKind, String documentKind, PrintRunRecord run) {
		return new Selection(claimKind, documentKind, """
				SELECT r.submission_id AS document_key, '' AS partition_code, 0 AS unit_id,
				       CONCAT('报送#', r.submission_id) AS document_no
				FROM print_run r""").where("r.id = :run AND r.submission_id IS NOT NULL", "run", run.id());
	}

	/**
	 * The rows of one kind of document: the claim kind, the kind recorded in
	 * print_document and print_reject, a SELECT without its WHERE, the conditions and
	 * their parameters.
	 */
	static final class Selection {

		private final String claimKind;

		private final String documentKind;

		private final String select;

		private final List<String> conditions = new ArrayList<>();

		private final Map<String, Object> parameters = new HashMap<>();

		Selection(String claimKind, String documentKind, String select) {
			this.claimKind = claimKind;
			this.documentKind = documentKind;
			this.select = select;
		}

		Selection where(String condition) {
			this.conditions.add(condition);
			return this;
		}

		Selection where(String condition, String parameter, Object value) {
			this.parameters.put(parameter, value);
			return where(condition);
		}

		String claimKind() {
			return this.claimKind;
		}

		String documentKind() {
			return this.documentKind;
		}

		String sql() {
			return this.select + "\nWHERE "
					+ (this.conditions.isEmpty() ? "1 = 1" : String.join("\n  AND ", this.conditions));
		}

		Map<String, Object> parameters() {
			return this.parameters;
		}

	}

}
