/**
 * Access to the pages and APIs of the print office (the print-run admin API, the clerk's
 * pages): a token from configuration, as a bearer token or as the password of HTTP Basic,
 * checked by a Spring Security filter chain of its own.
 */
@ApplicationModule(allowedDependencies = { "web" })
package org.ceprint.admin;

import org.springframework.modulith.ApplicationModule;
