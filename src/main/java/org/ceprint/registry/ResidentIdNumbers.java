package org.ceprint.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.ceprint.registry.internal.CheckCharacters;

/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit region of first registration,
 * birth date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 * <p>
 * Users type lowercase x, full-width digits and spaces: {@link #check} normalises first.
 * Only the province part of the region code is checked; county codes change too often to
 * be a rule.
 */
public final class ResidentIdNumbers {

	public static final String FIELD = "身份证件号码";

	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private ResidentIdNumbers() {
	}

	/**
	 * Returns the normalised number, or the problem with it.
	 * @param today the date birth dates may not be after
	 */
	public static Checked check(String typed, LocalDate today) {
		String id = CheckCharacters.normalise(typed);
		if (id.length() != 18) {
			return Checked.problem(id, "应为 18 位，实为 " + id.length() + " 位");
		}
		if (!CheckCharacters.allDigits(id, 0, 17) || !(Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X')) {
			return Checked.problem(id, "前 17 位须为数字，末位为数字或 X");
		}
		if (!PROVINCES.contains(id.substring(0, 2))) {
			return Checked.problem(id, "前两位 " + id.substring(0, 2) + " 不是有效的省级行政区划代码");
		}
		Optional<LocalDate> birth = birthDateOf(id);
		if (birth.isEmpty()) {
			return Checked.problem(id, "出生日期 " + id.substring(6, 14) + " 不是有效日期");
		}
		if (birth.get().isBefore(EARLIEST_BIRTH) || birth.get().isAfter(today)) {
			return Checked.problem(id, "出生日期 " + birth.get() + " 不在合理范围内");
		}
		char expected = checkCharacter(id.substring(0, 17));
		if (id.charAt(17) != expected) {
			return Checked.problem(id, "校验位应为 " + expected + "，实为 " + id.charAt(17));
		}
		return Checked.ok(id);
	}

	/**
	 * The check character of the first 17 digits.
	 */
	public static char checkCharacter(String first17Digits) {
		if (first17Digits.length() != 17 || !CheckCharacters.allDigits(first17Digits, 0, 17)) {
			// not the value: it is most of an ID number
			throw new IllegalArgumentException("需要 17 位数字，实为 %d 个字符".formatted(first17Digits.length()));
		}
		return CheckCharacters.mod11_2(first17Digits);
	}

	public static Optional<LocalDate> birthDateOf(String id) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)),
					Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))));
		}
		catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

	public static Sex sexOf(String id) {
		return ((id.charAt(16) - '0') % 2 == 1) ? Sex.M : Sex.F;
	}

	/**
	 * The number as a message may show it: the first four and last four characters, the
	 * rest starred ({@code 3601**********0521}).
	 */
	public static String masked(String id) {
		if (id == null || id.length() < 9) {
			return "****";
		}
		return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
	}

}
