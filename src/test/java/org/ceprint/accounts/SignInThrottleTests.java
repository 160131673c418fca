package org.ceprint.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.ceprint.accounts.internal.SignInProperties;
import org.ceprint.accounts.internal.SignInThrottle;
import org.ceprint.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's arithmetic on a clock moved by hand: free failures, doubling waits, the
 * lock of an account name and of an address, and forgetting.
 */
class SignInThrottleTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T01:00:00Z"),
			ZoneId.of("Asia/Shanghai"));

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInProperties(3, Duration.ofSeconds(2), 5, 20, Duration.ofMinutes(15)), this.clock);

	@Test
	void threeFreeFailuresThenDoublingWaitsThenALockThatEvenTheRightPasswordCannotPass() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isTrue();
			assertThat(this.throttle.failed("clerk", "10.0.0.1")).isFalse();
		}
		SignInThrottle.Verdict delayed = this.throttle.check("clerk", "10.0.0.1");
		assertThat(delayed.allowed()).isFalse();
		assertThat(delayed.locked()).isFalse();
		assertThat(delayed.seconds()).isEqualTo(2);
		// the same name in another case, from another address: the same account
		assertThat(this.throttle.check("CLERK ", "10.0.0.2").allowed()).isFalse();
		this.clock.advance(Duration.ofMillis(1999));
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isTrue();
		assertThat(this.throttle.failed("clerk", "10.0.0.1")).isFalse();
		assertThat(this.throttle.check("clerk", "10.0.0.1").seconds()).isEqualTo(4);
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.throttle.failed("clerk", "10.0.0.1")).as("the fifth failure locks").isTrue();
		SignInThrottle.Verdict locked = this.throttle.check("clerk", "10.0.0.1");
		assertThat(locked.locked()).isTrue();
		assertThat(locked.seconds()).isEqualTo(15 * 60);
		this.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isTrue();
		// after the lock the count starts again
		assertThat(this.throttle.failed("clerk", "10.0.0.1")).isFalse();
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isTrue();
	}

	@Test
	void aRightPasswordClearsTheAccountsFailures() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("clerk", "10.0.0.1");
		}
		this.throttle.succeeded("clerk");
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isTrue();
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("clerk", "10.0.0.1");
		}
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).as("three new failures, no earlier ones")
			.isFalse();
	}

	@Test
	void manyNamesFromOneAddressLockTheAddressNotTheOthers() {
		for (int i = 0; i < 19; i++) {
			assertThat(this.throttle.failed("name-" + i, "10.0.0.1")).isFalse();
		}
		assertThat(this.throttle.failed("name-19", "10.0.0.1")).isTrue();
		SignInThrottle.Verdict fromThere = this.throttle.check("someone-else", "10.0.0.1");
		assertThat(fromThere.allowed()).isFalse();
		assertThat(fromThere.locked()).isTrue();
		assertThat(this.throttle.check("someone-else", "10.0.0.2").allowed()).isTrue();
	}

	@Test
	void failuresOlderThanTheLockTimeAreForgotten() {
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofSeconds(10));
			this.throttle.failed("clerk", "10.0.0.1");
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.throttle.failed("clerk", "10.0.0.1")).as("a fresh first failure, not the fifth").isFalse();
		assertThat(this.throttle.check("clerk", "10.0.0.1").allowed()).isTrue();
	}

}
