package org.ceprint.authenticity.internal;

import java.nio.charset.StandardCharsets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.ceprint.authenticity.SigningKeys;
import org.ceprint.authenticity.internal.AuthenticityTokens.TokenCheck;

/**
 * Token checks of a server, remembering the tokens found genuine by their bytes, so that
 * a document checked again costs no second Ed25519 verification (in JDK 17 about a
 * millisecond of CPU, most of a verification request). A signature's validity never
 * changes, and the keys and revoked key ids are fixed for the life of the process, so a
 * remembered verdict stays true; what can change, the document's status in the registry,
 * is not kept here. Only genuine verdicts are kept, in a bounded Caffeine map, so forged
 * tokens cannot fill it; every token is still decoded with the one strict spelling first.
 */
public final class GenuineTokens {

	private final SigningKeys keys;

	private final Cache<String, TokenCheck> genuine;

	public GenuineTokens(SigningKeys keys, int maximumSize) {
		this.keys = keys;
		// maintenance on the calling thread: no pool threads for a map this simple
		this.genuine = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
	}

	/** The same answer as {@link AuthenticityTokens#check(String, SigningKeys)}. */
	public TokenCheck check(String token) {
		byte[] bytes = AuthenticityTokens.unbase32(token);
		if (bytes == null) {
			return AuthenticityTokens.check(bytes, this.keys);
		}
		// ISO-8859-1 maps each byte to one char and back: the key is the token's bytes
		String key = new String(bytes, StandardCharsets.ISO_8859_1);
		TokenCheck known = this.genuine.getIfPresent(key);
		if (known != null) {
			return known;
		}
		TokenCheck check = AuthenticityTokens.check(bytes, this.keys);
		if (check.genuine()) {
			this.genuine.put(key, check);
		}
		return check;
	}

}
