package org.ceprint.testsupport;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits for the module events published so far to be completed by their listeners (the
 * papers of a closed submission, the booklet of a reissue), which run after the
 * publishing transaction commits, on another thread. A condition wait on the publication
 * registry's table, bounded so that a listener that never completes fails the test with a
 * message.
 */
public final class EventPublications {

	private static final Duration LIMIT = Duration.ofMinutes(2);

	private EventPublications() {
	}

	/**
	 * Returns once no publication is incomplete; fails at once when a listener failed,
	 * and after two minutes when one is still running.
	 */
	public static void awaitCompletion(JdbcTemplate jdbc) {
		Instant deadline = Instant.now().plus(LIMIT);
		while (incomplete(jdbc) > 0) {
			var failed = jdbc.queryForList("SELECT event_type FROM EVENT_PUBLICATION WHERE status = 'FAILED'",
					String.class);
			if (!failed.isEmpty()) {
				throw new AssertionError("a module event's listener failed: " + failed);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("module events still incomplete after " + LIMIT + ": " + jdbc.queryForList(
						"SELECT event_type FROM EVENT_PUBLICATION WHERE completion_date IS NULL", String.class));
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for module events", ex);
			}
		}
	}

	/** Publications whose listener has not completed. */
	public static int incomplete(JdbcTemplate jdbc) {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL",
				Integer.class);
		return (count != null) ? count : 0;
	}

}
