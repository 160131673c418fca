package org.ceprint.authenticity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that tests move by hand, so that rate limits and retention need no sleeping.
 */
final class MutableClock extends Clock {

	private final ZoneId zone;

	private volatile Instant now;

	MutableClock(Instant start, ZoneId zone) {
		this.now = start;
		this.zone = zone;
	}

	void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
