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

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "ReturnSlipView.Line[seq=%d, certificateNo=%s]".formatted(this.seq, this.certificateNo);
		}

	}

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "ReturnSlipView[batchNo=%s, lines=%d]".formatted(this.batchNo, this.lines.size());
	}

}
