package org.ceprint.printing.internal;

import java.nio.file.Path;

import org.ceprint.printing.PrintJob;
import org.ceprint.printing.PrintStyle;

/**
 * A print run as stored: what it selects and the folder it writes.
 *
 * @param byNumbers the run prints only the certificates listed for it in print_run_number
 * (or, for register cards, their holders)
 * @param submissionId the submission whose summary table the run prints, or null
 */
public record PrintRunRecord(long id, PrintJob job, String channelCode, Long unitId, Integer entryYear, boolean reprint,
		PrintStyle style, Path folder, boolean byNumbers, Long submissionId) {

}
