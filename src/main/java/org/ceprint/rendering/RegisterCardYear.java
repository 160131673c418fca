package org.ceprint.rendering;

import java.math.BigDecimal;

/**
 * One year's line of the register card: verified hours, main items, verification state
 * and the annual assessment result.
 */
public record RegisterCardYear(int year, BigDecimal publicHours, BigDecimal professionalHours, BigDecimal totalHours,
		String mainItems, String verification, String assessment) {

}
