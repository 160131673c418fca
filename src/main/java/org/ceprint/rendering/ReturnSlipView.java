package org.ceprint.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The return slip (退回单) of a closed submission: the entries the HRSS office did not
 * verify, each with its reason, for the submitter to correct or withdraw.
 */
public record ReturnSlipView(String batchNo, String submitterName, String officeName, LocalDate closedOn,
		int entryCount, String qrContent, List<Line> lines) {

	/** One entry not verified; {@code seq} is its number on the summary table. */
	public record Line(int seq, String name, String certificateNo, String projectName, LocalDate startDate,
			LocalDate endDate, BigDecimal hours, String reason) {

	}

}
