package org.ceprint.authenticity.internal;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signatures of the JDK's keys, made and checked with Bouncy Castle's RFC 8032
 * code. JDK 17's provider took about 1.05 ms of CPU to sign a token and 1.08 ms to check
 * one, which a print run pays twice per document (it signs the QR code, then its
 * preflight checks it); Bouncy Castle takes 0.05 and 0.13 ms. Ed25519 is deterministic,
 * so the signatures are the same bytes either way. Each key is decoded once.
 */
public final class Ed25519Signatures {

	/** The DER prefix of an Ed25519 public key's X.509 encoding; the raw key follows. */
	private static final int X509_PREFIX = 12;

	private final Ed25519PrivateKeyParameters signing;

	private final Map<Integer, Ed25519PublicKeyParameters> checking = new HashMap<>();

	/**
	 * @param publicKeys the keys that check, by id
	 * @param signingKey the key that signs, or null where nothing is signed
	 */
	public Ed25519Signatures(Map<Integer, PublicKey> publicKeys, PrivateKey signingKey) {
		publicKeys.forEach((id, key) -> this.checking.put(id, publicKey(key)));
		this.signing = (signingKey != null) ? privateKey(signingKey) : null;
	}

	public byte[] sign(byte[] message) {
		if (this.signing == null) {
			throw new IllegalStateException("no signing key");
		}
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.signing);
		signer.update(message, 0, message.length);
		return signer.generateSignature();
	}

	/** Whether the signature is the key's over the message; false for a key not known. */
	public boolean verify(int keyId, byte[] message, byte[] signature) {
		Ed25519PublicKeyParameters key = this.checking.get(keyId);
		if (key == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
			return false;
		}
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, key);
		verifier.update(message, 0, message.length);
		return verifier.verifySignature(signature);
	}

	private static Ed25519PublicKeyParameters publicKey(PublicKey key) {
		byte[] encoded = key.getEncoded();
		if (encoded.length != X509_PREFIX + Ed25519PublicKeyParameters.KEY_SIZE) {
			throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
		}
		return new Ed25519PublicKeyParameters(Arrays.copyOfRange(encoded, X509_PREFIX, encoded.length));
	}

	private static Ed25519PrivateKeyParameters privateKey(PrivateKey key) {
		if (!(key instanceof EdECPrivateKey edec)) {
			throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
		}
		byte[] seed = edec.getBytes()
			.orElseThrow(() -> new IllegalArgumentException("Ed25519 private key without its bytes"));
		return new Ed25519PrivateKeyParameters(seed);
	}

}
