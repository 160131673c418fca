/**
 * People, units, certificates and registration entries (第七至九条), with the validation of
 * their codes.
 */
@ApplicationModule(allowedDependencies = {})
package org.ceprint.registry;

import org.springframework.modulith.ApplicationModule;
