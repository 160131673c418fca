package org.ceprint.authenticity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Makes the content of the QR code printed on each document: the URL of its verification
 * page.
 * <p>
 * First version: the URL names the document; signed tokens replace the bare number later
 * without changing the callers.
 */
@Component
public class AuthenticityCodes {

	private static final Pattern PATH = Pattern.compile("/v/([a-z])/([^/?#]+)$");

	private final String baseUrl;

	AuthenticityCodes(AuthenticityProperties properties) {
		this.baseUrl = properties.publicBaseUrl();
	}

	public String qrContent(DocumentKind kind, String documentNo) {
		return this.baseUrl + "/v/" + kind.urlCode() + "/" + URLEncoder.encode(documentNo, StandardCharsets.UTF_8);
	}

	/**
	 * Reads the document a QR code's content names, whatever host it was printed for.
	 */
	public Optional<DocumentReference> parse(String qrContent) {
		Matcher matcher = PATH.matcher(qrContent.strip());
		if (!matcher.find()) {
			return Optional.empty();
		}
		DocumentKind kind = DocumentKind.fromUrlCode(matcher.group(1));
		String number = URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8);
		return (kind != null) ? Optional.of(new DocumentReference(kind, number)) : Optional.empty();
	}

}
