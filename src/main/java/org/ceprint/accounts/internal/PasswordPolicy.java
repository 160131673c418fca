package org.ceprint.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password of an office account must be (README, "Security"; OWASP ASVS 2.1): at
 * least 12 characters (up to 128, any characters, spaces included), not containing the
 * account name, not one of the common passwords shipped with ceprint
 * ({@code common-passwords.txt}, also with digits or symbols appended), and not made of
 * fewer than five different characters. No rules about character classes.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/**
	 * What is wrong with a password for this account, in Chinese; empty when it is fine.
	 */
	public static List<String> problems(String username, String password) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("密码不能为空");
			return problems;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			problems.add("密码至少 %d 个字符，实为 %d 个".formatted(MIN_LENGTH, length));
		}
		if (length > MAX_LENGTH) {
			problems.add("密码至多 %d 个字符".formatted(MAX_LENGTH));
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && username.strip().length() >= 3
				&& lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
			problems.add("密码不能包含账号名");
		}
		if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("[\\d\\p{Punct}\\s]+$", ""))
				|| COMMON.contains(lower.replaceAll("^[\\d\\p{Punct}\\s]+|[\\d\\p{Punct}\\s]+$", ""))) {
			problems.add("密码过于常见（在常见密码表中），请另选");
		}
		if (password.codePoints().distinct().count() < 5) {
			problems.add("密码所用的不同字符太少（至少 5 种）");
		}
		return problems;
	}

	private static Set<String> load() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("缺少常见密码表 common-passwords.txt");
			}
			Set<String> words = new HashSet<>();
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(words::add);
			return Set.copyOf(words);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
