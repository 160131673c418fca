package org.ceprint.printing;

/**
 * The print jobs and the Spring Batch job bean that runs each.
 */
public enum PrintJob {

	CERTIFICATES("certificatePrintJob", "certificates"), REGISTER_CARDS("registerCardPrintJob", "register-cards"),
	SUMMARY_TABLES("summaryTablePrintJob", "summary-tables"), ALL("fullPrintJob", "all-documents");

	private final String jobName;

	private final String folderLabel;

	PrintJob(String jobName, String folderLabel) {
		this.jobName = jobName;
		this.folderLabel = folderLabel;
	}

	public String jobName() {
		return this.jobName;
	}

	String folderLabel() {
		return this.folderLabel;
	}

}
