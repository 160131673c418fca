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
 * @param certificateNumbers only these certificates (certificates, seal overlays) or
 * their holders (register cards); empty: no such filter
 * @param submissionId the submission whose summary table or return slip to print
 */
public record PrintRequest(PrintJob what, String channelCode, Long unitId, Integer entryYear, boolean reprint,
		PrintStyle style, List<String> certificateNumbers, Long submissionId) {

	public PrintRequest {
		if (style == null) {
			style = PrintStyle.DEFAULT;
		}
		certificateNumbers = (certificateNumbers != null) ? List.copyOf(certificateNumbers) : List.of();
	}

	public PrintRequest(PrintJob what, String channelCode, Long unitId, Integer entryYear, boolean reprint,
			PrintStyle style, List<String> certificateNumbers) {
		this(what, channelCode, unitId, entryYear, reprint, style, certificateNumbers, null);
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

	/**
	 * The seal overlay pages of these printed booklets (their verified entries not yet
	 * sealed).
	 */
	public static PrintRequest sealOverlays(List<String> numbers, PrintStyle style) {
		return new PrintRequest(PrintJob.SEAL_OVERLAYS, null, null, null, false, style, numbers);
	}

	/** The register cards of the holders of these certificates. */
	public static PrintRequest registerCards(List<String> numbers) {
		return new PrintRequest(PrintJob.REGISTER_CARDS, null, null, null, false, PrintStyle.DEFAULT, numbers);
	}

	/**
	 * The summary table of one submission, in three copies, with the opinions given on
	 * it.
	 */
	public static PrintRequest submissionTable(long submissionId) {
		return new PrintRequest(PrintJob.SUMMARY_TABLES, null, null, null, false, PrintStyle.DEFAULT, List.of(),
				submissionId);
	}

	/** The return slip of one closed submission: its rejected entries and why. */
	public static PrintRequest returnSlip(long submissionId) {
		return new PrintRequest(PrintJob.RETURN_SLIPS, null, null, null, false, PrintStyle.DEFAULT, List.of(),
				submissionId);
	}

	public PrintRequest withEntryYear(int year) {
		return new PrintRequest(this.what, this.channelCode, this.unitId, year, this.reprint, this.style,
				this.certificateNumbers, this.submissionId);
	}

	public String scopeLabel() {
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
		if (this.submissionId != null) {
			label.append(label.isEmpty() ? "" : "-").append("submission").append(this.submissionId);
		}
		if (this.entryYear != null) {
			label.append(label.isEmpty() ? "" : "-").append(this.entryYear);
		}
		return label.isEmpty() ? "all" : label.toString();
	}

}
