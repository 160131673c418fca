/**
 * Submissions and verification (第十至十四条): a base or unit submits its pending entries with
 * the summary table; a unit's supervising department reviews; the HRSS office of the
 * submitter's channel receives the batch, verifies or rejects each entry with a reason
 * and closes it, which prints the summary table with the opinions, the seal overlays of
 * the verified entries, the register-card update and the return slip.
 */
@ApplicationModule(allowedDependencies = { "registry", "hours", "rendering", "authenticity", "intake", "printing",
		"accounts", "web" })
package org.ceprint.submission;

import org.springframework.modulith.ApplicationModule;
