package org.ceprint.authenticity;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ceprint.authenticity.internal.AuthenticityTokens.Outcome;
import org.ceprint.authenticity.internal.AuthenticityTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Keys live in a folder: a new key signs while the old ones keep verifying, a revoked one
 * stops, and the token survives only untouched.
 */
class SigningKeysTests {

	private static final SignedDocument DOCUMENT = SignedDocument.of(DocumentKind.CERTIFICATE, "36010020190000127",
			"欧阳堃", "360102198506150521", LocalDate.of(2019, 3, 1), new BigDecimal("312.5"));

	@Test
	void aNewKeySignsWhileTheOldOneKeepsVerifyingWhatItSigned(@TempDir Path folder) throws Exception {
		SigningKeys first = SigningKeys.forSigning(folder, null, true, Set.of());
		assertThat(first.signingKeyId()).isEqualTo(1);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("ed25519-1.pem"))))
			.isEqualTo("rw-------");
		String oldToken = AuthenticityTokens.issue(DOCUMENT, first);

		SigningKeys.generate(folder, SigningKeys.nextId(folder));
		SigningKeys rotated = SigningKeys.forSigning(folder, null, true, Set.of());
		assertThat(rotated.signingKeyId()).isEqualTo(2);
		String newToken = AuthenticityTokens.issue(DOCUMENT, rotated);

		SigningKeys verifier = SigningKeys.forVerifying(folder, Set.of());
		assertThat(AuthenticityTokens.check(oldToken, verifier).outcome()).isEqualTo(Outcome.GENUINE);
		assertThat(AuthenticityTokens.check(newToken, verifier).outcome()).isEqualTo(Outcome.GENUINE);
		assertThat(AuthenticityTokens.check(newToken, verifier).keyId()).isEqualTo(2);
		assertThat(AuthenticityTokens.check(newToken, verifier).document()).isEqualTo(DOCUMENT);

		SigningKeys revokedFirst = SigningKeys.forVerifying(folder, Set.of(1));
		assertThat(AuthenticityTokens.check(oldToken, revokedFirst).outcome()).isEqualTo(Outcome.REVOKED_KEY);
		assertThat(AuthenticityTokens.check(newToken, revokedFirst).outcome()).isEqualTo(Outcome.GENUINE);
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.forSigning(folder, 1, false, Set.of(1)))
			.withMessageContaining("已吊销");
	}

	@Test
	void startsTogetherOnANewFolderMakeOneKeyThatSignsForAll(@TempDir Path folder) throws Exception {
		int together = 16;
		ExecutorService starts = Executors.newFixedThreadPool(together);
		CyclicBarrier atOnce = new CyclicBarrier(together);
		try {
			List<Future<SigningKeys>> keys = new ArrayList<>();
			for (int i = 0; i < together; i++) {
				keys.add(starts.submit(() -> {
					atOnce.await();
					return SigningKeys.forSigning(folder, null, true, Set.of());
				}));
			}
			List<String> tokens = new ArrayList<>();
			for (Future<SigningKeys> started : keys) {
				tokens.add(AuthenticityTokens.issue(DOCUMENT, started.get()));
			}
			// what each start signs verifies with the folder's one key
			SigningKeys verifier = SigningKeys.forVerifying(folder, Set.of());
			assertThat(tokens).allSatisfy((token) -> assertThat(AuthenticityTokens.check(token, verifier).outcome())
				.isEqualTo(Outcome.GENUINE));
		}
		finally {
			starts.shutdownNow();
		}
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".pem")))
				.containsExactlyInAnyOrder("ed25519-1.pem", "ed25519-1.pub.pem");
		}
	}

	@Test
	void withoutAKeyAProductionServerRefusesToStartAndSaysWhatToDo(@TempDir Path folder) {
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.forSigning(folder, null, false, Set.of()))
			.withMessageContaining("ceprint keys generate");
	}

	@Test
	void everySingleCharacterChangeOfATokenIsRefused(@TempDir Path folder) {
		SigningKeys keys = SigningKeys.forSigning(folder, null, true, Set.of());
		String token = AuthenticityTokens.issue(DOCUMENT, keys);
		// 108 bytes: version, key id, 42 bytes of content, 64 of signature
		assertThat(token).hasSize(173).matches("[A-Z2-7]+");
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		for (int i = 0; i < token.length(); i++) {
			char replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1 + i % 31) % 32);
			String changed = token.substring(0, i) + replacement + token.substring(i + 1);
			assertThat(AuthenticityTokens.check(changed, keys).genuine()).as("changed at %d", i).isFalse();
		}
		assertThat(AuthenticityTokens.check(token.toLowerCase(), keys).genuine()).isTrue();
		assertThat(AuthenticityTokens.check(token.substring(1), keys).genuine()).isFalse();
		assertThat(AuthenticityTokens.check("", keys).genuine()).isFalse();
		assertThat(AuthenticityTokens.check("not a token!", keys).genuine()).isFalse();
	}

}
