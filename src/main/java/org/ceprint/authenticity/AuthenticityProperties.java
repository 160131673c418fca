package org.ceprint.authenticity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the authenticity codes.
 *
 * @param publicBaseUrl the address verifiers reach this service at; it starts every QR
 * code's URL
 */
@ConfigurationProperties("ceprint.authenticity")
public record AuthenticityProperties(String publicBaseUrl) {

	public AuthenticityProperties {
		if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
			throw new IllegalArgumentException("ceprint.authenticity.public-base-url 未配置");
		}
		publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

}
