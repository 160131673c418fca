package org.ceprint.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry of a summary table.
 */
public record SummaryTableRow(int seq, String name, String idNumber, String certificateNo, String unitName,
		String title, String projectName, String learningForm, LocalDate startDate, LocalDate endDate,
		BigDecimal publicHours, BigDecimal professionalHours, String result) {

}
