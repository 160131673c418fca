package org.ceprint.rendering;

import java.time.LocalDate;
import java.util.List;

/**
 * One summary table (专业技术人员继续教育情况登记汇总表) of a submission (第十二条). {@code departmentName} is
 * null for a continuing-education base, which submits directly. The opinions and their
 * dates are null until the department has reviewed and the HRSS office has verified; the
 * boxes are then left for a hand.
 */
public record SummaryTableView(String batchNo, String submitterName, String submitterCreditCode, String departmentName,
		String verifyingOffice, LocalDate filledOn, String qrContent, List<SummaryTableRow> rows, String reviewOpinion,
		LocalDate reviewedOn, String verificationOpinion, LocalDate verifiedOn) {

	public SummaryTableView(String batchNo, String submitterName, String submitterCreditCode, String departmentName,
			String verifyingOffice, LocalDate filledOn, String qrContent, List<SummaryTableRow> rows) {
		this(batchNo, submitterName, submitterCreditCode, departmentName, verifyingOffice, filledOn, qrContent, rows,
				null, null, null, null);
	}

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "SummaryTableView[batchNo=%s, rows=%d]".formatted(this.batchNo, this.rows.size());
	}

}
