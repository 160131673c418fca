package org.ceprint.registry;

import java.util.function.Predicate;

import org.ceprint.registry.internal.CheckCharacters;

/**
 * Certificate numbers (证书编号), 17 digits: the 6-digit code of the issuing channel, the
 * 4-digit year of issue, a 6-digit serial per channel and year, and an ISO 7064 MOD 11-2
 * check character (0-9 or X, the algorithm of the resident ID number). The check
 * character catches every single mistyped character and every swap of two adjacent
 * characters. See docs/certificate-numbers.md.
 * <p>
 * Example: {@code 3601002024000123} + check {@code 2} = {@code 36010020240001232}, the
 * 123rd certificate issued by 南昌市 in 2024.
 */
public final class CertificateNumbers {

	public static final String FIELD = "证书编号";

	public static final int LENGTH = 17;

	public static final int MAX_SERIAL = 999_999;

	private CertificateNumbers() {
	}

	public static String format(String channelCode, int year, int serial) {
		if (channelCode.length() != 6 || !CheckCharacters.allDigits(channelCode, 0, 6)) {
			throw new IllegalArgumentException("发证机关代码应为 6 位数字：" + channelCode);
		}
		if (year < 2000 || year > 2999 || serial < 1 || serial > MAX_SERIAL) {
			throw new IllegalArgumentException("年度或流水号超出范围：" + year + "/" + serial);
		}
		String first16 = "%s%04d%06d".formatted(channelCode, year, serial);
		return first16 + checkCharacter(first16);
	}

	/**
	 * Checks a typed number (spaces, hyphens, full-width digits and lowercase x are
	 * accepted).
	 * @param knownChannel whether a 6-digit code names an issuing channel
	 */
	public static Checked check(String typed, Predicate<String> knownChannel) {
		String number = CheckCharacters.normalise(typed);
		if (number.length() != LENGTH) {
			return Checked.problem(number, "长度应为 17 位，实为 " + number.length() + " 位");
		}
		if (!CheckCharacters.allDigits(number, 0, 16)
				|| !(Character.isDigit(number.charAt(16)) || number.charAt(16) == 'X')) {
			return Checked.problem(number, "前 16 位须为数字，末位为数字或 X");
		}
		char expected = checkCharacter(number.substring(0, 16));
		if (number.charAt(16) != expected) {
			return Checked.problem(number, "校验位错误，请核对是否抄错（应为 " + expected + "）");
		}
		if (!knownChannel.test(channelOf(number))) {
			return Checked.problem(number, "发证机关代码 " + channelOf(number) + " 未知");
		}
		int year = yearOf(number);
		if (year < 2012 || year > 2999) {
			return Checked.problem(number, "发证年度 " + year + " 不在 2012 年以后");
		}
		return Checked.ok(number);
	}

	public static String channelOf(String number) {
		return number.substring(0, 6);
	}

	public static int yearOf(String number) {
		return Integer.parseInt(number.substring(6, 10));
	}

	/**
	 * The check character of the first 16 digits: MOD 11-2 over them with a leading zero,
	 * so the weights are those of the 17-digit ID number algorithm.
	 */
	static char checkCharacter(String first16Digits) {
		return CheckCharacters.mod11_2("0" + first16Digits);
	}

}
