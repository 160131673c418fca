package org.ceprint.testsupport;

import org.ceprint.registry.CreditCodes;
import org.ceprint.registry.ResidentIdNumbers;

/**
 * Valid codes for test records: a unified social credit code (GB 32100) and a resident ID
 * number (GB 11643) with their check characters.
 */
public final class SampleCodes {

	private SampleCodes() {
	}

	/**
	 * A unit's credit code in {@code city} (6 digits), distinct for each {@code serial}.
	 */
	public static String creditCode(String city, int serial) {
		String first17 = "12" + city + "MB%07d".formatted(serial).substring(0, 9);
		return first17 + CreditCodes.checkCharacter(first17);
	}

	/** An ID number of someone born on {@code yyyymmdd} in {@code district}. */
	public static String idNumber(String district, String yyyymmdd, int serial, boolean male) {
		int sequence = serial * 2 + (male ? 1 : 0);
		String first17 = district + yyyymmdd + "%03d".formatted(sequence % 1000);
		return first17 + ResidentIdNumbers.checkCharacter(first17);
	}

}
