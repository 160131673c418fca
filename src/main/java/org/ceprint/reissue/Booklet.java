package org.ceprint.reissue;

import java.nio.file.Path;

/**
 * Where the new booklet of a reissue is: being printed, printed (its PDF), or not printed
 * (why, in Chinese, naming the run but never a server path).
 *
 * @param pdf the PDF once printed, else null
 * @param printRunId the run that prints or printed it, null before it is recorded
 * @param problem why it was not printed, else null
 */
public record Booklet(String newNumber, Path pdf, Long printRunId, String problem) {

	public boolean printed() {
		return this.pdf != null;
	}

	public boolean printing() {
		return this.pdf == null && this.problem == null;
	}

}
