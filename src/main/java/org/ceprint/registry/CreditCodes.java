package org.ceprint.registry;

import org.ceprint.registry.internal.CheckCharacters;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): registering authority,
 * organisation type, 6-digit region, 9-character organisation code and a check character
 * over the alphabet {@code 0-9A-Z} without I, O, S, V and Z, with weights 3^i mod 31.
 */
public final class CreditCodes {

	public static final String FIELD = "统一社会信用代码";

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCodes() {
	}

	public static Checked check(String typed) {
		String code = CheckCharacters.normalise(typed);
		if (code.length() != 18) {
			return Checked.problem(code, "应为 18 位，实为 " + code.length() + " 位");
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Checked.problem(code, "第 " + (i + 1) + " 位「" + code.charAt(i) + "」不是允许的字符（不含 I、O、S、V、Z）");
			}
		}
		if (!CheckCharacters.allDigits(code, 2, 8)) {
			return Checked.problem(code, "第 3 至 8 位应为行政区划代码（数字）");
		}
		char expected = checkCharacter(code.substring(0, 17));
		if (code.charAt(17) != expected) {
			return Checked.problem(code, "校验位应为 " + expected + "，实为 " + code.charAt(17));
		}
		return Checked.ok(code);
	}

	/**
	 * The check character of the first 17 characters.
	 */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("不允许的字符：" + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
