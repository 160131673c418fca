/**
 * Reissue at the city offices' counters (第十八条): look-up of a person's certificates and
 * history, replacement of a lost, damaged or full certificate by the issuing channel, the
 * new booklet printed once the replacement has committed
 * ({@link org.ceprint.reissue.internal.CertificateReissued}), and the audit of every
 * look-up and reissue.
 */
@ApplicationModule(allowedDependencies = { "registry", "printing", "accounts", "web" })
package org.ceprint.reissue;

import org.springframework.modulith.ApplicationModule;
