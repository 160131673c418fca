package org.ceprint.submission.internal;

import java.time.LocalDateTime;

/** One step in a submission's history: who did what, when, and why. */
public record SubmissionEvent(LocalDateTime at, String actor, String actorRole, String action, String fromStatus,
		String toStatus, String note) {

}
