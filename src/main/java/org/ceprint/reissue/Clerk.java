package org.ceprint.reissue;

import org.ceprint.InvalidRequestException;

/**
 * The clerk at the counter and the office (issuing channel) they work for: a city HRSS
 * office (e.g. 360100) or the provincial departments' office (360000).
 */
public record Clerk(String name, String officeChannel) {

	public Clerk {
		if (name == null || name.isBlank()) {
			throw new InvalidRequestException("须注明经办人（--clerk）");
		}
		if (officeChannel == null || !officeChannel.matches("36\\d{4}")) {
			throw new InvalidRequestException("经办机关须为江西省的发证机关代码（如 360100，省直 360000）：" + officeChannel);
		}
		name = name.strip();
	}

}
