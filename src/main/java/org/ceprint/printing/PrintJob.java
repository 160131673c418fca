package org.ceprint.printing;

/**
 * The print jobs and the Spring Batch job bean that runs each.
 */
public enum PrintJob {

	CERTIFICATES("certificatePrintJob", "certificates"), REGISTER_CARDS("registerCardPrintJob", "register-cards"),
	SUMMARY_TABLES("summaryTablePrintJob", "summary-tables"), SEAL_OVERLAYS("sealOverlayPrintJob", "seal-overlays"),
	RETURN_SLIPS("returnSlipPrintJob", "return-slips"), ALL("fullPrintJob", "all-documents");

	/** The kind recorded for certificates in print_document and print_reject. */
	public static final String CERTIFICATES_KIND = "CERTIFICATE";

	private final String jobName;

	private final String folderLabel;

	PrintJob(String jobName, String folderLabel) {
		this.jobName = jobName;
		this.folderLabel = folderLabel;
	}

	public String jobName() {
		return this.jobName;
	}

	public String folderLabel() {
		return this.folderLabel;
	}

}
