package org.ceprint.authenticity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Coarse client keys and the rate limits per client. A client is its network (the /24 of
 * an IPv4 address, the /48 of an IPv6 one), hashed with a random key that changes every
 * day and is never stored: the scan log can count checks per client for a day without
 * holding an address. Look-ups by number and name are limited per client and minute, so
 * numbers cannot be enumerated; token checks too, more generously, so that one client
 * cannot fill the scan log or the server.
 */
@Component
public class ClientKeys {

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private volatile DailyKey dailyKey;

	private final ClientLimits lookups;

	private final ClientLimits verifications;

	ClientKeys(Clock clock, AuthenticityProperties properties) {
		this.clock = clock;
		this.lookups = new ClientLimits(properties.lookupsPerMinute(), clock);
		this.verifications = new ClientLimits(properties.verificationsPerMinute(), clock);
	}

	/** The client key of an address, 16 hex digits. */
	public String of(String remoteAddress) {
		byte[] network = network(remoteAddress);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(todaysKey(), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(network), 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts a look-up by number and name against the client's limit. */
	ClientLimits.Admission admitLookup(String clientKey) {
		return this.lookups.admit(clientKey);
	}

	/** Counts a token check (page or JSON API) against the client's limit. */
	ClientLimits.Admission admitVerification(String clientKey) {
		return this.verifications.admit(clientKey);
	}

	private byte[] todaysKey() {
		LocalDate today = LocalDate.now(this.clock);
		DailyKey key = this.dailyKey;
		if (key == null || !key.day().equals(today)) {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			key = new DailyKey(today, bytes);
			this.dailyKey = key;
		}
		return key.bytes();
	}

	private static byte[] network(String remoteAddress) {
		try {
			byte[] address = InetAddress.getByName((remoteAddress != null) ? remoteAddress : "0.0.0.0").getAddress();
			int keep = (address.length == 4) ? 3 : 6;
			byte[] network = new byte[address.length];
			System.arraycopy(address, 0, network, 0, keep);
			return network;
		}
		catch (UnknownHostException ex) {
			return ("?" + remoteAddress).getBytes(StandardCharsets.UTF_8);
		}
	}

	private record DailyKey(LocalDate day, byte[] bytes) {

	}

}
