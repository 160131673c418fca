package org.ceprint.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per client address and says when the next
 * try may come (see {@link SignInProperties}). Nothing sleeps: a try that comes too soon
 * is refused with the time left, so an attacker gets no more guesses by waiting on open
 * connections. Kept in memory: a restart forgets the counts (README, "Security").
 */
@Component
@EnableConfigurationProperties(SignInProperties.class)
public class SignInThrottle {

	/** Beyond this many remembered names or addresses, the expired ones are dropped. */
	private static final int TIDY_ABOVE = 10_000;

	private final SignInProperties properties;

	private final Clock clock;

	private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	public SignInThrottle(SignInProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether a try may go ahead now; when not, how long to wait and why. */
	public Verdict check(String username, String address) {
		Instant now = this.clock.instant();
		Failures byAddress = this.addresses.get(address(address));
		if (byAddress != null && byAddress.lockedUntil() != null && now.isBefore(byAddress.lockedUntil())) {
			return Verdict.refused(Duration.between(now, byAddress.lockedUntil()), true);
		}
		Failures byAccount = this.accounts.get(account(username));
		if (byAccount == null) {
			return Verdict.ALLOWED;
		}
		if (byAccount.lockedUntil() != null && now.isBefore(byAccount.lockedUntil())) {
			return Verdict.refused(Duration.between(now, byAccount.lockedUntil()), true);
		}
		Instant next = byAccount.last().plus(delayAfter(byAccount.count()));
		return now.isBefore(next) ? Verdict.refused(Duration.between(now, next), false) : Verdict.ALLOWED;
	}

	/** Records a failed try; true when it locked the account name or the address. */
	public boolean failed(String username, String address) {
		Instant now = this.clock.instant();
		tidy(now);
		Failures account = this.accounts.compute(account(username),
				(key, old) -> next(old, now, this.properties.lockAfter()));
		Failures place = this.addresses.compute(address(address),
				(key, old) -> next(old, now, this.properties.addressLockAfter()));
		return account.count() == this.properties.lockAfter() || place.count() == this.properties.addressLockAfter();
	}

	/** A right password: the account's failures are forgotten (the address's are not). */
	public void succeeded(String username) {
		this.accounts.remove(account(username));
	}

	private Failures next(Failures old, Instant now, int lockAt) {
		boolean stale = old == null || (old.lockedUntil() != null && !now.isBefore(old.lockedUntil()))
				|| !now.isBefore(old.last().plus(this.properties.lockFor()));
		int count = stale ? 1 : old.count() + 1;
		Instant lockedUntil = (count >= lockAt) ? now.plus(this.properties.lockFor()) : null;
		return new Failures(count, now, lockedUntil);
	}

	private Duration delayAfter(int failures) {
		int over = failures - this.properties.freeFailures();
		if (over < 0) {
			return Duration.ZERO;
		}
		return this.properties.firstDelay().multipliedBy(1L << Math.min(over, 20));
	}

	private void tidy(Instant now) {
		if (this.accounts.size() + this.addresses.size() <= TIDY_ABOVE) {
			return;
		}
		Instant forgotten = now.minus(this.properties.lockFor());
		this.accounts.values().removeIf((failures) -> failures.last().isBefore(forgotten));
		this.addresses.values().removeIf((failures) -> failures.last().isBefore(forgotten));
	}

	private static String account(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	private static String address(String address) {
		return (address != null) ? address : "";
	}

	private record Failures(int count, Instant last, Instant lockedUntil) {

	}

	/** The answer to a try: allowed, or refused for a while (locked, or only delayed). */
	public record Verdict(boolean allowed, Duration waitFor, boolean locked) {

		static final Verdict ALLOWED = new Verdict(true, Duration.ZERO, false);

		static Verdict refused(Duration wait, boolean locked) {
			return new Verdict(false, wait, locked);
		}

		/** Whole seconds to wait, at least one. */
		public long seconds() {
			return Math.max(1, (this.waitFor.toMillis() + 999) / 1000);
		}

	}

}
