package org.ceprint.accounts;

import org.junit.jupiter.api.Test;

import org.ceprint.accounts.internal.PasswordPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password policy of office accounts: length, the account name, the common list and
 * too few distinct characters; any characters otherwise, Chinese and spaces included.
 */
class PasswordPolicyTests {

	@Test
	void acceptsLongUncommonPasswordsOfAnyCharacters() {
		assertThat(PasswordPolicy.problems("nanchang-clerk", "correct horse battery")).isEmpty();
		assertThat(PasswordPolicy.problems("nanchang-clerk", "赣江春水向东流去也")).hasSize(1)
			.allMatch((problem) -> problem.contains("至少 12 个字符，实为 9 个"));
		assertThat(PasswordPolicy.problems("nanchang-clerk", "赣江春水向东流去也不回头了")).isEmpty();
	}

	@Test
	void refusesShortCommonNameContainingAndMonotonousPasswords() {
		assertThat(PasswordPolicy.problems("clerk", "")).containsExactly("密码不能为空");
		assertThat(PasswordPolicy.problems("clerk", "Tr0ub4dor&3")).singleElement()
			.asString()
			.contains("至少 12 个字符，实为 11 个");
		assertThat(PasswordPolicy.problems("nanchang", "demo-nanchang-2026")).singleElement()
			.asString()
			.contains("账号名");
		assertThat(PasswordPolicy.problems("nanchang", "Demo-NANCHANG-2026")).singleElement()
			.asString()
			.contains("账号名");
		for (String common : new String[] { "password1234", "Password2024!", "123456789012", "qwertyuiop123",
				"woaini1314520", "jiangxi2026!!", "!!P@ssw0rd2026" }) {
			assertThat(PasswordPolicy.problems("clerk", common)).as(common).anyMatch((p) -> p.contains("常见"));
		}
		assertThat(PasswordPolicy.problems("clerk", "aaaaaaaaaaaaaaaa")).anyMatch((p) -> p.contains("不同字符"));
		assertThat(PasswordPolicy.problems("clerk", "abababababab")).anyMatch((p) -> p.contains("不同字符"));
		assertThat(PasswordPolicy.problems("clerk", "x".repeat(129))).anyMatch((p) -> p.contains("至多 128"));
	}

}
