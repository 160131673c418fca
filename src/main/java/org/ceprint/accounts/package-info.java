/**
 * Office accounts and sign-in for the offices' pages: users stored with hashed passwords,
 * each with a role scoped to one issuing office, organisation or department, opened and
 * changed by the provincial administrator (command line or page) with every change
 * audited, a first password changed at the first sign-in; the security rules of every
 * path; documented demo accounts on the embedded default.
 */
@ApplicationModule(allowedDependencies = { "registry", "web" })
package org.ceprint.accounts;

import org.springframework.modulith.ApplicationModule;
