package org.ceprint.printing;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * How far a print run has got, read from the database, so that any process can watch a
 * run (the command that started it, the admin API, a second terminal).
 *
 * @param planned documents the run selected when it started; null until it has counted
 * @param printed documents in the run's files so far
 * @param rejected records set aside so far
 */
public record PrintProgress(long runId, String job, String folder, Integer planned, int printed, int rejected,
		LocalDateTime startedAt, LocalDateTime completedAt) {

	public int done() {
		return this.printed + this.rejected;
	}

	public boolean complete() {
		return this.completedAt != null;
	}

	/** Documents per second since the run started, or 0 before the first file. */
	public double rate(LocalDateTime now) {
		long millis = Duration.between(this.startedAt, (this.completedAt != null) ? this.completedAt : now).toMillis();
		return (millis > 0) ? done() * 1000.0 / millis : 0;
	}

	/** Time left at the rate so far, or null when it cannot be told yet. */
	public Duration remaining(LocalDateTime now) {
		if (this.completedAt != null) {
			return Duration.ZERO;
		}
		double rate = rate(now);
		if (this.planned == null || rate <= 0) {
			return null;
		}
		return Duration.ofSeconds(Math.round(Math.max(0, this.planned - done()) / rate));
	}

}
