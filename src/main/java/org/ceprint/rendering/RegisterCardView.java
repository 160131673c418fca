package org.ceprint.rendering;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed on one register card (继续教育登记卡), kept by the unit (第七、十四条).
 */
public record RegisterCardView(String certificateNo, String holderName, String sex, LocalDate birthDate,
		String idNumber, String unitName, String titleLevel, String titleName, String specialty, String qrContent,
		List<RegisterCardYear> years) {

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "RegisterCardView[certificateNo=%s]".formatted(this.certificateNo);
	}

}
