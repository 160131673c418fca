/**
 * Spring Batch print runs into print-batches/: manifest, atomic completion, restart.
 */
@ApplicationModule(allowedDependencies = { "registry", "hours", "rendering", "authenticity" })
package org.ceprint.printing;

import org.springframework.modulith.ApplicationModule;
