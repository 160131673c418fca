/**
 * Intake of registrations from the offices' spreadsheets: the summary-table workbook
 * ceprint hands out as a template, read back with every row checked, valid rows stored as
 * entries pending verification in one transaction per file, every invalid row returned in
 * an error workbook with its reason.
 */
@ApplicationModule(allowedDependencies = { "registry", "hours", "rendering", "accounts", "web" })
package org.ceprint.intake;

import org.springframework.modulith.ApplicationModule;
