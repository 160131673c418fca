package org.ceprint.authenticity;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.ceprint.authenticity.internal.AuthenticityTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base32 decoding accepts exactly the spelling {@code base32} gives (upper or lower case)
 * and nothing else: no extra character, no non-zero padding bit, no padding character,
 * whitespace, or letter outside ASCII.
 */
class AuthenticityTokensTests {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	@Test
	void everyLengthDecodesItsOwnSpellingAndNoOther() {
		Random random = new Random(20);
		for (int length = 1; length <= 40; length++) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			String text = AuthenticityTokens.base32(bytes);
			assertThat(AuthenticityTokens.unbase32(text)).as("length %d", length).isEqualTo(bytes);
			assertThat(AuthenticityTokens.unbase32(text.toLowerCase())).isEqualTo(bytes);
			for (char extra : ALPHABET.toCharArray()) {
				// either refused or the one spelling of other bytes (a whole byte more)
				assertCanonicalOrRefused(text + extra, bytes);
			}
			int paddingBits = text.length() * 5 - length * 8;
			char last = text.charAt(text.length() - 1);
			for (int bit = 0; bit < paddingBits; bit++) {
				char flipped = ALPHABET.charAt(ALPHABET.indexOf(last) ^ (1 << bit));
				assertThat(AuthenticityTokens.unbase32(text.substring(0, text.length() - 1) + flipped))
					.as("length %d, padding bit %d", length, bit)
					.isNull();
			}
			for (String other : new String[] { text + "=", text + "======", " " + text, text + "\n",
					text.substring(0, 1) + " " + text.substring(1) }) {
				assertThat(AuthenticityTokens.unbase32(other)).as("[%s]", other).isNull();
			}
		}
	}

	private static void assertCanonicalOrRefused(String spelling, byte[] original) {
		byte[] decoded = AuthenticityTokens.unbase32(spelling);
		if (decoded != null) {
			assertThat(decoded).as(spelling).isNotEqualTo(original);
			assertThat(AuthenticityTokens.base32(decoded)).as(spelling).isEqualTo(spelling);
		}
	}

	@Test
	void lettersOutsideAsciiThatUpperCaseToTheAlphabetAreRefused() {
		assertThat(AuthenticityTokens.unbase32("SA")).isNotNull();
		// U+017F LATIN SMALL LETTER LONG S and U+0131 DOTLESS I upper-case to S and I
		assertThat(AuthenticityTokens.unbase32("\u017FA")).isNull();
		assertThat(AuthenticityTokens.unbase32("\u0131A")).isNull();
		assertThat(AuthenticityTokens.unbase32("IA")).isNotNull();
	}

}
