package org.ceprint.rendering;

import java.time.LocalDate;
import java.util.List;

/**
 * One summary table (专业技术人员继续教育情况登记汇总表) of a submission (第十二条). {@code departmentName} is
 * null for a continuing-education base, which submits directly.
 */
public record SummaryTableView(String batchNo, String submitterName, String submitterCreditCode, String departmentName,
		String verifyingOffice, LocalDate filledOn, String qrContent, List<SummaryTableRow> rows) {

}
