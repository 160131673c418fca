/**
 * QR authenticity codes and the public verification page.
 */
@ApplicationModule(allowedDependencies = { "registry" })
package org.ceprint.authenticity;

import org.springframework.modulith.ApplicationModule;
