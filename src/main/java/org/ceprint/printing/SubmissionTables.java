package org.ceprint.printing;

import java.util.Optional;

import org.ceprint.rendering.ReturnSlipView;
import org.ceprint.rendering.SummaryTableView;

/**
 * Where a print run finds the summary table and the return slip of one submission:
 * implemented by the module that owns submissions, so that printing needs to know nothing
 * of their workflow.
 */
public interface SubmissionTables {

	/**
	 * The table with the opinions given so far, or empty when there is no such
	 * submission.
	 */
	Optional<SummaryTableView> summaryTable(long submissionId);

	/**
	 * The return slip of a closed submission, or empty when there is no such submission
	 * or nothing was rejected.
	 */
	Optional<ReturnSlipView> returnSlip(long submissionId);

}
