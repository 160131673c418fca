package org.ceprint.printing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The outcome of a print run: its folder, how many documents of each kind were printed
 * and how many records were rejected (listed in the folder's rejects.csv).
 *
 * @param firstCertificateNo the first certificate printed, or null; handy for a sample
 * check
 * @param elapsed from the job's start to its end, start-up of the process excluded
 */
public record PrintRunResult(long runId, Path folder, String batchStatus, boolean complete,
		Map<String, Integer> printedByKind, int rejected, String firstCertificateNo, Duration elapsed) {

	public int printed() {
		return this.printedByKind.values().stream().mapToInt(Integer::intValue).sum();
	}

}
