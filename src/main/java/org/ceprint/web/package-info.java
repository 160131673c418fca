/**
 * How every refusal and error looks to a client: RFC 9457 problem details in Chinese for
 * the APIs, the same message on an error page for the browser, and never a path, a class
 * name or a library's text. Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.ceprint.web;

import org.springframework.modulith.ApplicationModule;
