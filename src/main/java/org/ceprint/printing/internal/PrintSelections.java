package org.ceprint.printing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceprint.printing.PrintJob;
import org.ceprint.registry.PrintCandidates.ListedNumbers;
import org.ceprint.registry.PrintCandidates.Query;
import org.ceprint.registry.PrintCandidates.Scope;
import org.ceprint.registry.PrintCandidates;

import org.springframework.stereotype.Component;

/**
 * What a run prints: for each kind of document, the rows its selection holds when the run
 * is recorded, as {@code document_key, partition_code, unit_id, document_no}. The rows
 * become the run's claims ({@link PrintClaims}), and the run prints its claims, not the
 * live selection. The registry's records come from {@link PrintCandidates}; a
 * submission's papers are keyed by the run's own row.
 */
@Component
class PrintSelections {

	/** Booklets: a certificate, and later its seal overlay, are one document. */
	static final String BOOKLET = "CERTIFICATE";

	static final String REGISTER_CARD = "REGISTER_CARD";

	static final String SUBMISSION_TABLE = "SUBMISSION_TABLE";

	static final String RETURN_SLIP = "RETURN_SLIP";

	/** Partition code of a step that is not partitioned. */
	static final String WHOLE_RUN = "";

	private final PrintCandidates candidates;

	PrintSelections(PrintCandidates candidates) {
		this.candidates = candidates;
	}

	/** The run's documents, one selection per kind, in the order its job prints them. */
	List<Selection> of(PrintRunRecord run) {
		return steps(run.job()).stream().map((step) -> selection(step, run)).toList();
	}

	/** The document steps of a job, in the order it runs them. */
	static List<DocumentStep> steps(PrintJob job) {
		return switch (job) {
			case CERTIFICATES -> List.of(DocumentStep.CERTIFICATES);
			case REGISTER_CARDS -> List.of(DocumentStep.REGISTER_CARDS);
			case SUMMARY_TABLES -> List.of(DocumentStep.SUMMARY_TABLES);
			case SEAL_OVERLAYS -> List.of(DocumentStep.SEAL_OVERLAYS);
			case RETURN_SLIPS -> List.of(DocumentStep.RETURN_SLIPS);
			case ALL -> List.of(DocumentStep.CERTIFICATES, DocumentStep.REGISTER_CARDS, DocumentStep.SUMMARY_TABLES);
		};
	}

	/**
	 * The kind a run's claims of a step are recorded under: a summary table is a document
	 * of its own for each year, so its claim kind names the year.
	 */
	static String claimKind(DocumentStep step, PrintRunRecord run) {
		return switch (step) {
			case CERTIFICATES, SEAL_OVERLAYS -> BOOKLET;
			case REGISTER_CARDS -> REGISTER_CARD;
			case SUMMARY_TABLES -> (run.submissionId() != null) ? SUBMISSION_TABLE : "SUMMARY_TABLE:" + run.entryYear();
			case RETURN_SLIPS -> RETURN_SLIP;
		};
	}

	private Selection selection(DocumentStep step, PrintRunRecord run) {
		Scope scope = new Scope(run.channelCode(), run.unitId(),
				run.byNumbers() ? new ListedNumbers("print_run_number", "run_id", run.id(), "document_no") : null);
		String claimKind = claimKind(step, run);
		return switch (step) {
			case CERTIFICATES -> new Selection(claimKind, PrintJob.CERTIFICATES_KIND,
					this.candidates.certificates(scope, run.reprint()));
			case SEAL_OVERLAYS -> new Selection(claimKind, "SEAL_OVERLAY", this.candidates.sealOverlays(scope));
			case REGISTER_CARDS -> new Selection(claimKind, REGISTER_CARD, this.candidates.registerCards(scope,
					(run.job() == PrintJob.REGISTER_CARDS) ? run.entryYear() : null));
			case SUMMARY_TABLES -> (run.submissionId() != null) ? submission(claimKind, "SUMMARY_TABLE", run)
					: new Selection(claimKind, "SUMMARY_TABLE", this.candidates.summaryTables(scope, run.entryYear()));
			case RETURN_SLIPS -> submission(claimKind, RETURN_SLIP, run);
		};
	}

	/** The one document of a submission's run: its key is the submission. */
	private static Selection submission(String claimKind, String documentKind, PrintRunRecord run) {
		return new Selection(claimKind, documentKind, """
				SELECT r.submission_id AS document_key, '' AS partition_code, 0 AS unit_id,
				       CONCAT('报送#', r.submission_id) AS document_no
				FROM print_run r
				WHERE r.id = :run AND r.submission_id IS NOT NULL""", Map.of("run", run.id()));
	}

	/**
	 * The rows of one kind of document: the claim kind, the kind recorded in
	 * print_document and print_reject, the query and its parameters.
	 */
	record Selection(String claimKind, String documentKind, String sql, Map<String, Object> parameters) {

		Selection(String claimKind, String documentKind, Query query) {
			this(claimKind, documentKind, query.sql(), new HashMap<>(query.parameters()));
		}

	}

}
