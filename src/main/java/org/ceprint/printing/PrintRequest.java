package org.ceprint.printing;

import java.util.List;

/**
 * What to print in one run. Null filters select everything.
 *
 * @param what the documents to print
 * @param channelCode only documents of this issuing channel (city code)
 * @param unitId only people of this unit
 * @param entryYear the year of the summary tables (entries registered that year); for
 * register cards, only people with entries that year
 * @param reprint print certificates again even if they were printed before
 * @param style stock, masking and printer calibration
 * @param certificateNumbers only these certificates (empty: no such filter)
 */
public record PrintRequest(PrintJob what, String channelCode, Long unitId, Integer entryYear, boolean reprint,
		PrintStyle style, List<String> certificateNumbers) {

	public PrintRequest {
		if (style == null) {
			style = PrintStyle.DEFAULT;
		}
		certificateNumbers = (certificateNumbers != null) ? List.copyOf(certificateNumbers) : List.of();
	}

	public PrintRequest(PrintJob what, String channelCode, Long unitId, Integer entryYear, boolean reprint,
			PrintStyle style) {
		this(what, channelCode, unitId, entryYear, reprint, style, List.of());
	}

	public PrintRequest(PrintJob what, String channelCode, Long unitId, Integer entryYear, boolean reprint) {
		this(what, channelCode, unitId, entryYear, reprint, PrintStyle.DEFAULT);
	}

	public static PrintRequest all(PrintJob what) {
		return new PrintRequest(what, null, null, null, false, PrintStyle.DEFAULT);
	}

	/** The certificates with these numbers (and any other filter given). */
	public static PrintRequest certificates(List<String> numbers, boolean reprint, PrintStyle style) {
		return new PrintRequest(PrintJob.CERTIFICATES, null, null, null, reprint, style, numbers);
	}

	PrintRequest withEntryYear(int year) {
		return new PrintRequest(this.what, this.channelCode, this.unitId, year, this.reprint, this.style,
				this.certificateNumbers);
	}

	String scopeLabel() {
		StringBuilder label = new StringBuilder();
		if (this.channelCode != null) {
			label.append("city").append(this.channelCode);
		}
		if (this.unitId != null) {
			label.append(label.isEmpty() ? "" : "-").append("unit").append(this.unitId);
		}
		if (!this.certificateNumbers.isEmpty()) {
			label.append(label.isEmpty() ? "" : "-").append(this.certificateNumbers.size()).append("numbers");
		}
		if (this.entryYear != null) {
			label.append(label.isEmpty() ? "" : "-").append(this.entryYear);
		}
		return label.isEmpty() ? "all" : label.toString();
	}

}
