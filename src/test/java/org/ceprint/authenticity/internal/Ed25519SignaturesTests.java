package org.ceprint.authenticity.internal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bouncy Castle's Ed25519 over the JDK's keys: the same signature bytes as the JDK's
 * provider, each side accepts the other's, and a changed byte fails.
 */
class Ed25519SignaturesTests {

	@Test
	void signaturesAreTheJdksBytesAndEachSideAcceptsTheOthers() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Ed25519Signatures signatures = new Ed25519Signatures(Map.of(1, pair.getPublic(), 2, other.getPublic()),
				pair.getPrivate());
		for (int length : new int[] { 0, 1, 64, 134, 1000 }) {
			byte[] message = "查验码".repeat(length + 1).substring(0, length).getBytes(StandardCharsets.UTF_8);
			Signature jdk = Signature.getInstance("Ed25519");
			jdk.initSign(pair.getPrivate());
			jdk.update(message);
			byte[] jdkSignature = jdk.sign();

			byte[] signature = signatures.sign(message);
			assertThat(signature).isEqualTo(jdkSignature);
			assertThat(signatures.verify(1, message, jdkSignature)).isTrue();
			jdk.initVerify(pair.getPublic());
			jdk.update(message);
			assertThat(jdk.verify(signature)).isTrue();

			assertThat(signatures.verify(2, message, signature)).isFalse();
			assertThat(signatures.verify(3, message, signature)).isFalse();
			byte[] changed = signature.clone();
			changed[length % 64] ^= 1;
			assertThat(signatures.verify(1, message, changed)).isFalse();
			assertThat(signatures.verify(1, message, Arrays.copyOf(signature, 63))).isFalse();
			if (length > 0) {
				byte[] otherMessage = message.clone();
				otherMessage[0] ^= 1;
				assertThat(signatures.verify(1, otherMessage, signature)).isFalse();
			}
		}
	}

}
