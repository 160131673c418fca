package org.ceprint.authenticity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One rate limit per client key: a Bucket4j token bucket of {@code perMinute} tokens,
 * refilled greedily (one every {@code 60 / perMinute} seconds), so a client may check a
 * burst of that many and then keep a steady pace. Buckets live in a bounded Caffeine map
 * that forgets a client idle for a minute, by when its bucket would be full again. Time
 * comes from the application's {@link Clock}, so tests move it instead of sleeping.
 */
final class ClientLimits {

	private static final int MAX_CLIENTS = 100_000;

	private final Bandwidth limit;

	private final TimeMeter time;

	private final Cache<String, ClientBucket> buckets;

	ClientLimits(int perMinute, Clock clock) {
		this.limit = Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
		this.time = new ClockTime(clock);
		// maintenance on the calling thread: no pool threads for a map this simple
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_CLIENTS)
			.expireAfterAccess(Duration.ofMinutes(1))
			.executor(Runnable::run)
			.build();
	}

	/** Takes one token of the client's bucket, if it has one. */
	Admission admit(String clientKey) {
		ClientBucket client = this.buckets.get(clientKey,
				(key) -> new ClientBucket(
						Bucket.builder().addLimit(this.limit).withCustomTimePrecision(this.time).build(),
						new AtomicBoolean()));
		ConsumptionProbe probe = client.bucket().tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			client.refused().set(false);
			return new Admission(true, 0, false);
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		return new Admission(false, seconds, client.refused().compareAndSet(false, true));
	}

	/**
	 * Whether a request may go on; if not, after how many seconds it may, and whether
	 * this is the client's first refusal since its last admitted request (the one the
	 * scan log records, so that a flood adds one row, not one a request).
	 */
	record Admission(boolean allowed, long retryAfterSeconds, boolean firstRefusal) {

	}

	private record ClientBucket(Bucket bucket, AtomicBoolean refused) {

	}

	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
