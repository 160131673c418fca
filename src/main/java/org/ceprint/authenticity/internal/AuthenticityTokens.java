package org.ceprint.authenticity.internal;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.ceprint.authenticity.SignedDocument;
import org.ceprint.authenticity.SigningKeys.KeyCheck;
import org.ceprint.authenticity.SigningKeys;

/**
 * The token a QR code carries: format version, key id, the document's canonical content
 * and the Ed25519 signature over all of them, in RFC 4648 Base32 without padding. Base32
 * keeps the whole URL inside the QR alphanumeric set (upper-case letters, digits and
 * {@code :/.}), which a QR code stores in 5.5 bits a character instead of 8.
 */
public final class AuthenticityTokens {

	static final int VERSION = 1;

	private static final int SIGNATURE_LENGTH = 64;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private AuthenticityTokens() {
	}

	public static String issue(SignedDocument document, SigningKeys keys) {
		byte[] signed = signedPart(keys.signingKeyId(), document);
		ByteArrayOutputStream token = new ByteArrayOutputStream(signed.length + SIGNATURE_LENGTH);
		token.writeBytes(signed);
		token.writeBytes(keys.sign(signed));
		return base32(token.toByteArray());
	}

	/**
	 * Checks a token: its form, its key and its signature. Never throws for bad input.
	 */
	public static TokenCheck check(String token, SigningKeys keys) {
		return check(unbase32(token), keys);
	}

	/**
	 * Checks a token's bytes, as {@link #unbase32} decodes them (null for a text that is
	 * not one).
	 */
	static TokenCheck check(byte[] bytes, SigningKeys keys) {
		if (bytes == null || bytes.length < 2 + SIGNATURE_LENGTH || (bytes[0] & 0xFF) != VERSION) {
			return TokenCheck.of(Outcome.FORGED, null, -1);
		}
		int keyId = bytes[1] & 0xFF;
		byte[] signed = Arrays.copyOf(bytes, bytes.length - SIGNATURE_LENGTH);
		byte[] signature = Arrays.copyOfRange(bytes, bytes.length - SIGNATURE_LENGTH, bytes.length);
		KeyCheck check = keys.verify(keyId, signed, signature);
		if (check == KeyCheck.UNKNOWN_KEY) {
			return TokenCheck.of(Outcome.UNKNOWN_KEY, null, keyId);
		}
		if (check == KeyCheck.REVOKED_KEY) {
			return TokenCheck.of(Outcome.REVOKED_KEY, null, keyId);
		}
		if (check != KeyCheck.VALID) {
			return TokenCheck.of(Outcome.FORGED, null, keyId);
		}
		try {
			ByteBuffer content = ByteBuffer.wrap(signed, 2, signed.length - 2);
			SignedDocument document = SignedDocument.read(content);
			if (content.hasRemaining()) {
				return TokenCheck.of(Outcome.FORGED, null, keyId);
			}
			return TokenCheck.of(Outcome.GENUINE, document, keyId);
		}
		catch (BufferUnderflowException | IllegalArgumentException ex) {
			// signed by our key but unreadable: a newer format or a bug, never genuine
			// here
			return TokenCheck.of(Outcome.FORGED, null, keyId);
		}
	}

	private static byte[] signedPart(int keyId, SignedDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		out.write(VERSION);
		out.write(keyId);
		out.writeBytes(document.canonicalBytes());
		return out.toByteArray();
	}

	public static String base32(byte[] bytes) {
		StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				text.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return text.toString();
	}

	/**
	 * Decodes the one spelling {@link #base32} gives a byte string, in either case; null
	 * for any other text. Refused: characters outside the alphabet (padding {@code =},
	 * whitespace, non-ASCII letters that upper-case to ASCII ones such as {@code ſ}), a
	 * trailing character that leaves five or more bits (no whole byte, so
	 * {@code <token>A} would decode as the token), and non-zero padding bits in the last
	 * character. commons-codec's Base32 is no substitute: even with
	 * {@code CodecPolicy.STRICT} it skips {@code =}, whitespace and unknown characters.
	 */
	public static byte[] unbase32(String text) {
		if (text == null || text.isEmpty() || text.length() > 1000) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < text.length(); i++) {
			int value = valueOf(text.charAt(i));
			if (value < 0) {
				return null;
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >>> (bits - 8)) & 0xFF);
				bits -= 8;
			}
		}
		// 5, 6 or 7 leftover bits: a character too many; fewer must all be zero
		if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
			return null;
		}
		return out.toByteArray();
	}

	/**
	 * A character's value, -1 outside the alphabet. Lower case is folded by ASCII alone:
	 * {@code toUpperCase} would also turn {@code ı} into I and {@code ſ} into S.
	 */
	private static int valueOf(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a';
		}
		if (c >= '2' && c <= '7') {
			return c - '2' + 26;
		}
		return -1;
	}

	/**
	 * What a token check found, in the words a verifier reads.
	 */
	public enum Outcome {

		GENUINE("签名有效"), FORGED("签名无效：二维码不是本系统签发的，或已被改动"), UNKNOWN_KEY("签名密钥未知：二维码不是本系统签发的"),
		REVOKED_KEY("签名密钥已吊销：请向发证机关核实");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * A token's check: the outcome and, when genuine, the signed content.
	 */
	public record TokenCheck(Outcome outcome, SignedDocument document, int keyId) {

		static TokenCheck of(Outcome outcome, SignedDocument document, int keyId) {
			return new TokenCheck(outcome, document, keyId);
		}

		public boolean genuine() {
			return this.outcome == Outcome.GENUINE;
		}

	}

}
