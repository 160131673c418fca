package org.ceprint.printing;

import java.nio.file.Path;

/**
 * A print run as stored: what it selects and the folder it writes.
 */
record PrintRunRecord(long id, PrintJob job, String channelCode, Long unitId, Integer entryYear, boolean reprint,
		PrintStyle style, Path folder) {

}
