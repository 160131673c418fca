package org.ceprint.authenticity.internal;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param verificationsPerMinute how many token checks (page and JSON API) one client may
 * make a minute; a burst of that many, then one every {@code 60 / n} seconds
 * @param scanRetention how long the scan log keeps its rows; older ones are counted per
 * document and day, then deleted
 * @param pruneCron when the scan log is pruned (Spring cron), {@code -} for never
 */
@ConfigurationProperties("ceprint.authenticity")
public record AuthenticityProperties(String publicBaseUrl, @DefaultValue("./data/keys") Path keysDir,
		Integer signingKeyId, @DefaultValue("true") boolean generateKeyIfMissing,
		@DefaultValue Set<Integer> revokedKeyIds, @DefaultValue("10") int lookupsPerMinute,
		@DefaultValue("60") int verificationsPerMinute, @DefaultValue("180d") Duration scanRetention,
		@DefaultValue("0 30 3 * * *") String pruneCron) {

	public AuthenticityProperties {
		if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
			throw new IllegalArgumentException("ceprint.authenticity.public-base-url 未配置");
		}
		publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
		revokedKeyIds = (revokedKeyIds != null) ? Set.copyOf(revokedKeyIds) : Set.of();
		if (lookupsPerMinute < 1 || verificationsPerMinute < 1) {
			throw new IllegalArgumentException(
					"ceprint.authenticity.lookups-per-minute 和 verifications-per-minute 须为正整数");
		}
		if (scanRetention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("ceprint.authenticity.scan-retention 不得短于 1 天");
		}
	}

}
