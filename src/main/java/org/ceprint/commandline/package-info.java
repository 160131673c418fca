/**
 * The jar's command line: demo, serve, print, verify and import.
 */
@ApplicationModule(allowedDependencies = { "registry", "hours", "rendering", "authenticity", "intake", "printing",
		"reissue", "submission", "accounts", "demo" })
package org.ceprint.commandline;

import org.springframework.modulith.ApplicationModule;
