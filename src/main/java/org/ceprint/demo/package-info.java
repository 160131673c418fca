/**
 * A seeded generator of a realistic provincial registry for demonstrations, tests and
 * benchmarks.
 */
@ApplicationModule(allowedDependencies = { "registry" })
package org.ceprint.demo;

import org.springframework.modulith.ApplicationModule;
