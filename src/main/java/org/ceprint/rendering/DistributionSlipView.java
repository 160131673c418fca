package org.ceprint.rendering;

import java.time.LocalDate;
import java.util.List;

/**
 * A distribution slip (发放清单): the documents of one print batch handed to one unit, where
 * each lies in the batch's files, and the lines the unit signs on receipt.
 *
 * @param documentLabel what is handed over, e.g. 继续教育证书
 * @param numberLabel the heading of the number column, e.g. 证书编号
 */
public record DistributionSlipView(String documentLabel, String numberLabel, String unitName, String batch,
		LocalDate printedOn, List<Line> lines) {

	/**
	 * One document on the slip.
	 */
	public record Line(String documentNo, String holderName, String file, int firstPage, int lastPage) {

		/**
		 * Ids and numbers only: no name or ID number may reach a log or an exception
		 * message.
		 */
		@Override
		public String toString() {
			return "DistributionSlipView.Line[documentNo=%s]".formatted(this.documentNo);
		}

	}

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "DistributionSlipView[batch=%s, lines=%d]".formatted(this.batch, this.lines.size());
	}

}
