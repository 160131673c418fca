package org.ceprint.submission.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ceprint.authenticity.AuthenticityCodes;
import org.ceprint.authenticity.DocumentKind;
import org.ceprint.authenticity.SignedDocument;
import org.ceprint.printing.SubmissionTables;
import org.ceprint.registry.Hours;
import org.ceprint.registry.SubjectType;
import org.ceprint.rendering.ReturnSlipView;
import org.ceprint.rendering.SummaryTableRow;
import org.ceprint.rendering.SummaryTableView;
import org.ceprint.submission.Submissions;

import org.springframework.stereotype.Component;

/**
 * What the print runs of a batch's papers print: the summary table with the opinions
 * given, and the return slip of the entries not verified, each with its signed QR code.
 */
@Component
class SubmissionTableViews implements SubmissionTables {

	private final Submissions submissions;

	private final AuthenticityCodes codes;

	private final Clock clock;

	SubmissionTableViews(Submissions submissions, AuthenticityCodes codes, Clock clock) {
		this.submissions = submissions;
		this.codes = codes;
		this.clock = clock;
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
			Hours total = Hours.sum(reviews.stream().map(EntryReview::entry).toList());
			String reviewOpinion = submission.byBase() ? "继续教育基地直接报送，无需主管部门审核（第十一条）" : submission.reviewOpinion();
			return new SummaryTableView(submission.batchNo(), submission.submitterName(),
					submission.submitterCreditCode(), submission.departmentName(), submission.officeName(), filledOn,
					this.codes.qrContent(SignedDocument.of(DocumentKind.SUMMARY_TABLE, submission.batchNo(),
							submission.submitterName(), null, filledOn, total.value())),
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
							review.entry().hours(), ClosingOpinion.rejection(review)))
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

}
