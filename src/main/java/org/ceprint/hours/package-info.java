/**
 * Hours-crediting standard (第六条) and annual assessment (第五、十五条), by rule set in force.
 */
@ApplicationModule(allowedDependencies = { "registry" })
package org.ceprint.hours;

import org.springframework.modulith.ApplicationModule;
