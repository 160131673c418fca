package org.ceprint.authenticity;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.authenticity.internal.AuthenticityTokens;
import org.ceprint.authenticity.internal.AuthenticityTokens.Outcome;
import org.ceprint.authenticity.internal.GenuineTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token found genuine once is remembered by its bytes: the same token, in either case,
 * is genuine again with the same signed fields, while any other text, including one that
 * carries a remembered token's signature, is checked afresh and refused.
 */
class GenuineTokensTests {

	private static final SignedDocument DOCUMENT = SignedDocument.of(DocumentKind.CERTIFICATE, "36010020190000127",
			"欧阳堃", "360102198506150521", LocalDate.of(2019, 3, 1), new BigDecimal("312.5"));

	private static final SignedDocument OTHER = SignedDocument.of(DocumentKind.CERTIFICATE, "36010020190000128", "欧阳堃",
			"360102198506150521", LocalDate.of(2019, 3, 1), new BigDecimal("312.5"));

	@Test
	void aRememberedTokenAnswersAsItsCheckDidAndNothingElseBorrowsIt(@TempDir Path folder) {
		SigningKeys keys = SigningKeys.forSigning(folder, null, true, Set.of());
		GenuineTokens tokens = new GenuineTokens(keys, 10);
		String token = AuthenticityTokens.issue(DOCUMENT, keys);
		String other = AuthenticityTokens.issue(OTHER, keys);
		for (int i = 0; i < 3; i++) {
			assertThat(tokens.check(token).outcome()).isEqualTo(Outcome.GENUINE);
			assertThat(tokens.check(token).document()).isEqualTo(DOCUMENT);
			assertThat(tokens.check(token.toLowerCase()).document()).isEqualTo(DOCUMENT);
		}
		// the other document's content under the remembered token's signature
		String signature = token.substring(token.length() - 103);
		String spliced = other.substring(0, other.length() - 103) + signature;
		assertThat(AuthenticityTokens.unbase32(spliced)).isNotNull();
		assertThat(tokens.check(spliced).outcome()).isEqualTo(Outcome.FORGED);
		assertThat(tokens.check(token + "A").outcome()).isEqualTo(Outcome.FORGED);
		assertThat(tokens.check(token + "=").outcome()).isEqualTo(Outcome.FORGED);
		assertThat(tokens.check("").outcome()).isEqualTo(Outcome.FORGED);
		assertThat(tokens.check(other).document()).isEqualTo(OTHER);
	}

	@Test
	void aRevokedKeysTokensAreNeverGenuineRememberedOrNot(@TempDir Path folder) {
		SigningKeys keys = SigningKeys.forSigning(folder, null, true, Set.of());
		String token = AuthenticityTokens.issue(DOCUMENT, keys);
		GenuineTokens revoked = new GenuineTokens(SigningKeys.forVerifying(folder, Set.of(1)), 10);
		for (int i = 0; i < 2; i++) {
			assertThat(revoked.check(token).outcome()).isEqualTo(Outcome.REVOKED_KEY);
		}
	}

}
