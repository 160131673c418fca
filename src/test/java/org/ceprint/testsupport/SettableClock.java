package org.ceprint.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock a test moves by hand, so that waits and expiries are tested without sleeping.
 */
public final class SettableClock extends Clock {

	private volatile Instant now;

	private final ZoneId zone;

	public SettableClock(Instant start, ZoneId zone) {
		this.now = start;
		this.zone = zone;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new SettableClock(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
