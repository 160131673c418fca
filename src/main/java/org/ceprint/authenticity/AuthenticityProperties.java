package org.ceprint.authenticity;

import java.nio.file.Path;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authenticity codes.
 *
 * @param publicBaseUrl the address verifiers reach this service at; it starts every QR
 * code's URL
 * @param keysDir where the Ed25519 keys are: {@code ed25519-<id>.pem} (private, PKCS#8)
 * signs, every {@code ed25519-<id>.pub.pem} (public, X.509) verifies
 * @param signingKeyId the key that signs new documents; null for the highest id that has
 * a private key
 * @param generateKeyIfMissing create a development key on first start when the folder has
 * none (the embedded default; off in the mariadb profile)
 * @param revokedKeyIds keys whose signatures no longer count as genuine
 * @param lookupsPerMinute how many look-ups by number and name one client may make a
 * minute
 */
@ConfigurationProperties("ceprint.authenticity")
public record AuthenticityProperties(String publicBaseUrl, @DefaultValue("./data/keys") Path keysDir,
		Integer signingKeyId, @DefaultValue("true") boolean generateKeyIfMissing,
		@DefaultValue Set<Integer> revokedKeyIds, @DefaultValue("10") int lookupsPerMinute) {

	public AuthenticityProperties {
		if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
			throw new IllegalArgumentException("ceprint.authenticity.public-base-url 未配置");
		}
		publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
		revokedKeyIds = (revokedKeyIds != null) ? Set.copyOf(revokedKeyIds) : Set.of();
	}

}
