package org.ceprint.reissue.internal;

import org.ceprint.printing.PrintStyle;
import org.ceprint.reissue.Clerk;

/**
 * A certificate was replaced at the counter: published in the transaction that stores the
 * replacement, and handled once it has committed, when the new booklet is printed. An
 * event whose handling a crash interrupted is handed to its listener again when the
 * application starts.
 *
 * @param clerk who replaced it, for the audit of the print
 * @param style how the counter prints the new booklet
 */
public record CertificateReissued(String oldNumber, String newNumber, Clerk clerk, PrintStyle style) {

}
