package org.ceprint.printing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The outcome of starting or resuming a print run: its folder, how many documents of each
 * kind this start (or resumption) printed and how many the whole run holds, and the
 * records set aside (listed in the folder's rejects.csv).
 *
 * @param printedByKind documents printed by this start or resumption, by kind
 * @param runTotalByKind documents the whole run has printed so far, by kind
 * @param rejected records this start or resumption set aside
 * @param heldByOtherRuns of those, the ones another unfinished run holds (and prints), by
 * that run
 * @param resumed whether this was a resumption of an interrupted run
 * @param failure why the run did not complete, in one line of Chinese, or null
 * @param firstCertificateNo the first certificate printed, or null; handy for a sample
 * check
 * @param elapsed from the job's start to its end, start-up of the process excluded
 * @param preflight what the preflight checked and how long it took, in one line of
 * Chinese, or null when it did not run to its end
 */
public record PrintRunResult(long runId, PrintJob job, Path folder, String batchStatus, boolean complete,
		Map<String, Integer> printedByKind, Map<String, Integer> runTotalByKind, int rejected,
		Map<Long, Integer> heldByOtherRuns, boolean resumed, String failure, String firstCertificateNo,
		Duration elapsed, String preflight) {

	/** Documents printed by this start or resumption. */
	public int printed() {
		return this.printedByKind.values().stream().mapToInt(Integer::intValue).sum();
	}

}
