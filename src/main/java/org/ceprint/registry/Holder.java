package org.ceprint.registry;

import java.time.LocalDate;

/**
 * A professional as printed on their documents, with the unit that employs them.
 */
public record Holder(long personId, String name, Sex sex, LocalDate birthDate, String idNumber, TitleLevel titleLevel,
		String titleName, String specialty, long unitId, String unitName, String unitChannelCode) {

}
