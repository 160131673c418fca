package org.ceprint.submission;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceprint.accounts.OfficeUser;
import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.printing.PrintRequest;
import org.ceprint.printing.PrintRunResult;
import org.ceprint.printing.PrintRuns;
import org.ceprint.printing.PrintStyle;
import org.ceprint.printing.SubmissionTables;
import org.ceprint.registry.SubjectType;
import org.ceprint.rendering.ReturnSlipView;
import org.ceprint.rendering.SummaryTableRow;
import org.ceprint.rendering.SummaryTableView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The papers of a submission, each printed by a print run: the summary table in three
 * copies with the opinions given, and at closing the seal overlays of the booklets whose
 * entries were verified (or the booklets again in full) and their holders' register
 * cards.
 */
@Component
public class SubmissionPapers implements SubmissionTables {

	/** The print runs made at closing, by what they print. */
	public record ClosingPapers(Submission submission, Map<String, PrintRunResult> runs) {

	}

	private final Submissions submissions;

	private final PrintRuns printRuns;

	private final AuthenticityCodes codes;

	private final JdbcClient jdbc;

	private final Clock clock;

	SubmissionPapers(Submissions submissions, PrintRuns printRuns, AuthenticityCodes codes, JdbcClient jdbc,
			Clock clock) {
		this.submissions = submissions;
		this.printRuns = printRuns;
		this.codes = codes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Closes a received batch and prints its papers.
	 * @param fullReprints print the booklets of verified entries again in full instead of
	 * the overlay pages, where the office prefers
	 */
	public ClosingPapers close(OfficeUser actor, long id, String opinion, boolean fullReprints) throws Exception {
		Submission closed = this.submissions.close(actor, id, opinion);
		List<String> booklets = this.submissions.reviews(id)
			.stream()
			.filter((review) -> review.decision() == Decision.VERIFIED && review.certificateNo() != null)
			.map(EntryReview::certificateNo)
			.distinct()
			.toList();
		Map<String, PrintRunResult> runs = new LinkedHashMap<>();
		runs.put("SUMMARY_TABLE", record(id, "SUMMARY_TABLE", this.printRuns.run(PrintRequest.submissionTable(id))));
		if (this.submissions.reviews(id).stream().anyMatch((review) -> review.decision() == Decision.REJECTED)) {
			runs.put("RETURN_SLIP", record(id, "RETURN_SLIP", this.printRuns.run(PrintRequest.returnSlip(id))));
		}
		if (!booklets.isEmpty()) {
			PrintRequest seals = fullReprints ? PrintRequest.certificates(booklets, true, PrintStyle.DEFAULT)
					: PrintRequest.sealOverlays(booklets, PrintStyle.DEFAULT);
			runs.put(fullReprints ? "CERTIFICATES" : "SEAL_OVERLAYS",
					record(id, fullReprints ? "CERTIFICATES" : "SEAL_OVERLAYS", this.printRuns.run(seals)));
			runs.put("REGISTER_CARDS",
					record(id, "REGISTER_CARDS", this.printRuns.run(PrintRequest.registerCards(booklets))));
		}
		return new ClosingPapers(closed, runs);
	}

	/** The summary table of a submission at any stage, for the account's own use. */
	public PrintRunResult printTable(OfficeUser actor, long id) throws Exception {
		this.submissions.find(actor, id);
		return this.printRuns.run(PrintRequest.submissionTable(id));
	}

	/** The print runs made at closing, by what they print. */
	public Map<String, Long> outputs(OfficeUser actor, long id) {
		this.submissions.find(actor, id);
		Map<String, Long> outputs = new LinkedHashMap<>();
		this.jdbc.sql("SELECT output_kind, run_id FROM submission_output WHERE submission_id = :id ORDER BY run_id")
			.param("id", id)
			.query((rs, row) -> outputs.put(rs.getString(1), rs.getLong(2)))
			.list();
		return outputs;
	}

	@Override
	public Optional<SummaryTableView> summaryTable(long submissionId) {
		return this.submissions.findForPrinting(submissionId).map((submission) -> {
			List<EntryReview> reviews = this.submissions.reviews(submissionId);
			List<SummaryTableRow> rows = reviews.stream().map((review) -> {
				boolean isPublic = review.entry().subjectType() == SubjectType.PUBLIC;
				return new SummaryTableRow(review.seq(), review.holderName(), review.idNumber(),
						(review.certificateNo() != null) ? review.certificateNo() : "", review.unitName(),
						review.title(), review.entry().projectName(), review.entry().form().label(),
						review.entry().startDate(), review.entry().endDate(),
						isPublic ? review.entry().hours() : BigDecimal.ZERO,
						isPublic ? BigDecimal.ZERO : review.entry().hours(), review.entry().result());
			}).toList();
			LocalDate filledOn = (submission.createdAt() != null) ? submission.createdAt().toLocalDate()
					: LocalDate.now(this.clock);
			BigDecimal total = reviews.stream()
				.map((review) -> review.entry().hours())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			String reviewOpinion = submission.byBase() ? "继续教育基地直接报送，无需主管部门审核（第十一条）" : submission.reviewOpinion();
			return new SummaryTableView(submission.batchNo(), submission.submitterName(),
					submission.submitterCreditCode(), submission.departmentName(), submission.officeName(), filledOn,
					this.codes.qrContent(SignedDocument.of(DocumentKind.SUMMARY_TABLE, submission.batchNo(),
							submission.submitterName(), null, filledOn, total)),
					rows, reviewOpinion,
					(submission.reviewedAt() != null) ? submission.reviewedAt().toLocalDate() : null,
					submission.verificationOpinion(),
					(submission.closedAt() != null) ? submission.closedAt().toLocalDate() : null);
		});
	}

	@Override
	public Optional<ReturnSlipView> returnSlip(long submissionId) {
		return this.submissions.findForPrinting(submissionId)
			.filter((submission) -> submission.status() == SubmissionStatus.CLOSED)
			.flatMap((submission) -> {
				List<EntryReview> reviews = this.submissions.reviews(submissionId);
				List<ReturnSlipView.Line> lines = reviews.stream()
					.filter((review) -> review.decision() == Decision.REJECTED)
					.map((review) -> new ReturnSlipView.Line(review.seq(), review.holderName(), review.certificateNo(),
							review.entry().projectName(), review.entry().startDate(), review.entry().endDate(),
							review.entry().hours(),
							review.reason().label() + ((review.reasonNote() != null) ? "：" + review.reasonNote() : "")))
					.toList();
				if (lines.isEmpty()) {
					return Optional.empty();
				}
				LocalDate closedOn = submission.closedAt().toLocalDate();
				return Optional
					.of(new ReturnSlipView(submission.batchNo(), submission.submitterName(), submission.officeName(),
							closedOn, reviews.size(), this.codes.qrContent(SignedDocument.of(DocumentKind.RETURN_SLIP,
									submission.batchNo(), submission.submitterName(), null, closedOn, BigDecimal.ZERO)),
							lines));
			});
	}

	private PrintRunResult record(long id, String kind, PrintRunResult run) {
		this.jdbc.sql("INSERT INTO submission_output (submission_id, output_kind, run_id) VALUES (:id, :kind, :run)")
			.param("id", id)
			.param("kind", kind)
			.param("run", run.runId())
			.update();
		return run;
	}

}
