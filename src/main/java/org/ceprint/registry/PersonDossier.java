package org.ceprint.registry;

import java.util.List;

/**
 * A professional with the number of their valid certificate (null if they hold none) and,
 * when asked for, their registration entries in date order.
 */
public record PersonDossier(Holder holder, String certificateNo, List<RegistrationEntry> entries) {

	/**
	 * Ids and numbers only: no name or ID number may reach a log or an exception message.
	 */
	@Override
	public String toString() {
		return "PersonDossier[personId=%d, certificateNo=%s, entries=%d]".formatted(this.holder.personId(),
				this.certificateNo, (this.entries != null) ? this.entries.size() : 0);
	}

}
