/**
 * Office accounts and sign-in for the offices' pages: users stored with hashed passwords,
 * each with a role (counter clerk, supervisor) scoped to one issuing office; the security
 * rules of every path; documented demo accounts on the embedded default.
 */
@ApplicationModule(allowedDependencies = { "registry", "web" })
package org.ceprint.accounts;

import org.springframework.modulith.ApplicationModule;
