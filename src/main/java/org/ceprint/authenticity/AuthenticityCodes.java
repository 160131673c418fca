package org.ceprint.authenticity;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ceprint.authenticity.internal.AuthenticityProperties;
import org.ceprint.authenticity.internal.AuthenticityTokens.TokenCheck;
import org.ceprint.authenticity.internal.AuthenticityTokens;
import org.ceprint.authenticity.internal.GenuineTokens;

import org.springframework.stereotype.Component;

/**
 * Makes the content of the QR code printed on each document, the URL of its verification
 * page with a signed token ({@code HTTP://HOST/V/<token>}), and reads such URLs back.
 * <p>
 * The scheme and host are written in upper case (URLs ignore their case), so that, when
 * the base URL has no path, the whole URL fits the QR alphanumeric mode.
 */
@Component
public class AuthenticityCodes {

	private static final Pattern TOKEN_PATH = Pattern.compile("/[vV]/([A-Za-z2-7]{40,})/?$");

	private final String baseUrl;

	/** Genuine tokens remembered: the documents checked these days, a few MB. */
	private static final int REMEMBERED_TOKENS = 10_000;

	private final SigningKeys keys;

	private final GenuineTokens tokens;

	AuthenticityCodes(AuthenticityProperties properties) {
		this.baseUrl = qrBase(properties.publicBaseUrl());
		this.keys = SigningKeys.forSigning(properties.keysDir(), properties.signingKeyId(),
				properties.generateKeyIfMissing(), properties.revokedKeyIds());
		this.tokens = new GenuineTokens(this.keys, REMEMBERED_TOKENS);
	}

	/** The QR content of a document: its verification URL with the signed token. */
	public String qrContent(SignedDocument document) {
		return this.baseUrl + "/V/" + AuthenticityTokens.issue(document, this.keys);
	}

	/**
	 * Checks the content read back from a printed QR code with this process's keys:
	 * genuine only when it is a verification URL of this installation
	 * ({@link #qrContent}'s form) whose token carries a valid signature of a key that is
	 * not revoked.
	 * @return the outcome and, when genuine, the signed fields
	 */
	public OfflineCheck checkPrinted(String qrContent) {
		if (!qrContent.startsWith(this.baseUrl + "/V/")) {
			return new OfflineCheck(false, "不是本系统的查验地址", -1, Optional.empty());
		}
		return checkOffline(qrContent, this.keys);
	}

	/** The key that signs new documents. */
	public int signingKeyId() {
		return this.keys.signingKeyId();
	}

	/**
	 * Checks the token of a QR code's content (a URL, whatever host it was printed for,
	 * or a bare token).
	 */
	TokenCheck check(String qrContentOrToken) {
		return this.tokens.check(tokenOf(qrContentOrToken));
	}

	static TokenCheck check(String qrContentOrToken, SigningKeys keys) {
		return AuthenticityTokens.check(tokenOf(qrContentOrToken), keys);
	}

	/**
	 * The token of a QR code's content, or the content itself, unchanged, when it is no
	 * such URL: a bare token with spaces around it is not the token.
	 */
	static String tokenOf(String qrContent) {
		Matcher matcher = TOKEN_PATH.matcher(qrContent.strip());
		return matcher.find() ? matcher.group(1) : qrContent;
	}

	private static String qrBase(String publicBaseUrl) {
		URI uri = URI.create(publicBaseUrl);
		boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath());
		return noPath ? publicBaseUrl.toUpperCase(Locale.ROOT) : publicBaseUrl;
	}

	/**
	 * Checks a QR content offline, with the public keys of a folder alone: no database.
	 * @return the outcome and, when genuine, the signed fields
	 */
	public static OfflineCheck checkOffline(String qrContent, SigningKeys keys) {
		TokenCheck check = check(qrContent, keys);
		return new OfflineCheck(check.genuine(), check.outcome().label(), check.keyId(),
				Optional.ofNullable(check.document()));
	}

	/**
	 * The answer of an offline check.
	 */
	public record OfflineCheck(boolean genuine, String outcome, int keyId, Optional<SignedDocument> document) {

	}

}
