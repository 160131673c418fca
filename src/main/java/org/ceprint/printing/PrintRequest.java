package org.ceprint.printing;

/**
 * What to print in one run. Null filters select everything.
 *
 * @param what the documents to print
 * @param channelCode only certificates of this issuing channel (city code)
 * @param unitId only people of this unit
 * @param entryYear the year of the summary tables (entries registered that year)
 * @param reprint print certificates again even if they were printed before
 * @param style stock, masking and printer calibration
 */
public record PrintRequest(PrintJob what, String channelCode, Long unitId, Integer entryYear, boolean reprint,
		PrintStyle style) {

	public PrintRequest {
		if (style == null) {
			style = PrintStyle.DEFAULT;
		}
	}

	public PrintRequest(PrintJob what, String channelCode, Long unitId, Integer entryYear, boolean reprint) {
		this(what, channelCode, unitId, entryYear, reprint, PrintStyle.DEFAULT);
	}

	public static PrintRequest all(PrintJob what) {
		return new PrintRequest(what, null, null, null, false, PrintStyle.DEFAULT);
	}

	String scopeLabel() {
		StringBuilder label = new StringBuilder();
		if (this.channelCode != null) {
			label.append("city").append(this.channelCode);
		}
		if (this.unitId != null) {
			label.append(label.isEmpty() ? "" : "-").append("unit").append(this.unitId);
		}
		if (this.entryYear != null) {
			label.append(label.isEmpty() ? "" : "-").append(this.entryYear);
		}
		return label.isEmpty() ? "all" : label.toString();
	}

}
