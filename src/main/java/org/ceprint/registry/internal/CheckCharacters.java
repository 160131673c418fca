package org.ceprint.registry.internal;

/**
 * Normalising typed codes and computing their check characters.
 */
public final class CheckCharacters {

	/**
	 * ISO 7064 MOD 11-2 weights (2^(17-i) mod 11), as used by GB 11643 resident ID
	 * numbers.
	 */
	private static final int[] MOD_11_2_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String MOD_11_2_CHECK = "10X98765432";

	private CheckCharacters() {
	}

	/**
	 * Trims, drops inner spaces and hyphens, turns full-width ASCII into half-width and
	 * upper-cases.
	 */
	public static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		StringBuilder normal = new StringBuilder(typed.length());
		typed.codePoints().forEach((c) -> {
			int half = (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : (c == 0x3000) ? ' ' : c;
			if (!Character.isWhitespace(half) && half != '-') {
				normal.appendCodePoint(Character.toUpperCase(half));
			}
		});
		return normal.toString();
	}

	/**
	 * The ISO 7064 MOD 11-2 check character of 17 digits.
	 */
	public static char mod11_2(CharSequence seventeenDigits) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (seventeenDigits.charAt(i) - '0') * MOD_11_2_WEIGHTS[i];
		}
		return MOD_11_2_CHECK.charAt(sum % 11);
	}

	public static boolean allDigits(CharSequence text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
