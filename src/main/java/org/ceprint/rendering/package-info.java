/**
 * JasperReports rendering of the certificate, register card and summary table from plain
 * view records.
 */
@ApplicationModule(allowedDependencies = {})
package org.ceprint.rendering;

import org.springframework.modulith.ApplicationModule;
