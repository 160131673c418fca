package org.ceprint.printing;

import org.ceprint.ConflictException;
import org.ceprint.printing.internal.DirectRunPrinter;
import org.ceprint.printing.internal.UnfinishedRuns;

import org.springframework.stereotype.Service;

/**
 * Prints a recorded run of listed certificates ({@link PrintRequest#certificates}) at
 * once, in the calling thread and without a Spring Batch job: what a counter needs for
 * one booklet. The folder ends as a job's would (the same PDF, print_document rows with
 * page hashes, the preflight on the file, manifest, rejects and {@code _COMPLETE}) except
 * for the distribution slip, since the booklet is handed over at the counter; a file the
 * preflight rejects is deleted before it is recorded, its certificates set aside with the
 * faults.
 */
@Service
public class DirectPrints {

	private final DirectRunPrinter printer;

	private final UnfinishedRuns unfinished;

	private final PrintRuns printRuns;

	DirectPrints(DirectRunPrinter printer, UnfinishedRuns unfinished, PrintRuns printRuns) {
		this.printer = printer;
		this.unfinished = unfinished;
		this.printRuns = printRuns;
	}

	/**
	 * Prints the run, or finishes it when a crash interrupted it: a certificate it
	 * recorded as printed is not printed again. A run whose job was started (by
	 * {@link PrintRuns#execute}) is resumed as a job. Returns at once for a completed
	 * run.
	 * @throws ConflictException when the run was abandoned, in Chinese
	 */
	public void print(long runId) {
		if (complete(runId)) {
			return;
		}
		try {
			this.unfinished.find(runId);
		}
		catch (ConflictException ex) {
			// completed by its marker (a crash after the marker, before the commit)
			if (complete(runId)) {
				return;
			}
			throw ex;
		}
		if (this.printRuns.lastJobStatus(runId).isPresent()) {
			this.printRuns.resume(runId, true);
			return;
		}
		this.printer.print(runId);
	}

	private boolean complete(long runId) {
		return this.printRuns.progress(runId).map(PrintProgress::complete).orElse(false);
	}

}
