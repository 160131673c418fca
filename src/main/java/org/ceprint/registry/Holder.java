package org.ceprint.registry;

import java.time.LocalDate;

/**
 * A professional as printed on their documents, with the unit that employs them.
 */
public record Holder(long personId, String name, Sex sex, LocalDate birthDate, String idNumber, TitleLevel titleLevel,
		String titleName, String specialty, long unitId, String unitName, String unitChannelCode) {

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "Holder[personId=%d]".formatted(this.personId);
	}

}
