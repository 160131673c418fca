package org.ceprint.authenticity.internal;

/**
 * Masks personal data for public pages (Personal Information Protection Law): a name
 * keeps its first and last character, an ID number its first four and last two.
 */
public final class Masking {

	private Masking() {
	}

	public static String name(String name) {
		int[] chars = name.strip().codePoints().toArray();
		if (chars.length <= 1) {
			return "*";
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
		if (chars.length == 2) {
			return masked.append('*').toString();
		}
		masked.append("*".repeat(chars.length - 2));
		return masked.appendCodePoint(chars[chars.length - 1]).toString();
	}

	public static String idNumber(String idNumber) {
		if (idNumber.length() <= 6) {
			return "*".repeat(idNumber.length());
		}
		return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 6) + idNumber.substring(idNumber.length() - 2);
	}

}
