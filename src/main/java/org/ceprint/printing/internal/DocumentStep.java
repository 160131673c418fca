package org.ceprint.printing.internal;

/**
 * The kinds of document a print job prints, one chunk step each. Certificates, register
 * cards and seal overlays are printed city by city (a partitioned step whose worker is
 * the document step); summary tables and return slips, a few hundred a year, in one step.
 */
enum DocumentStep {

	CERTIFICATES("certificatesStep", true), REGISTER_CARDS("registerCardsStep", true),
	SEAL_OVERLAYS("sealOverlaysStep", true), SUMMARY_TABLES("summaryTablesStep", false),
	RETURN_SLIPS("returnSlipsStep", false);

	private final String stepName;

	private final boolean byCity;

	DocumentStep(String stepName, boolean byCity) {
		this.stepName = stepName;
		this.byCity = byCity;
	}

	/** The step a job runs: the partitioned step for documents printed by city. */
	String stepName() {
		return this.stepName;
	}

	/** The chunk step that reads, maps, renders and records the documents. */
	String chunkStepName() {
		return this.byCity ? this.stepName.replace("Step", "CityStep") : this.stepName;
	}

	boolean byCity() {
		return this.byCity;
	}

}
