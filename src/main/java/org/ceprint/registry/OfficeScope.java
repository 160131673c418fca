package org.ceprint.registry;

/**
 * Whose records a signed-in account may see, as the modules below the accounts read it
 * from the principal: the issuing channel it works in and whether it is that channel's
 * HRSS office itself (rather than a unit, base or department within it).
 */
public interface OfficeScope {

	/** The issuing channel, e.g. 360100. */
	String officeChannel();

	/** Whether the account is the HRSS office's own staff (a clerk or a supervisor). */
	boolean hrssOffice();

}
