package org.ceprint.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry of a summary table.
 */
public record SummaryTableRow(int seq, String name, String idNumber, String certificateNo, String unitName,
		String title, String projectName, String learningForm, LocalDate startDate, LocalDate endDate,
		BigDecimal publicHours, BigDecimal professionalHours, String result) {

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "SummaryTableRow[seq=%d, certificateNo=%s]".formatted(this.seq, this.certificateNo);
	}

}
