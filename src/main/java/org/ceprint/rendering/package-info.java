/**
 * JasperReports rendering of the certificate, register card and summary table from plain
 * view records.
 */
package org.ceprint.rendering;
