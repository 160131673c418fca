package org.ceprint.submission.internal;

import org.springframework.security.access.AccessDeniedException;

/**
 * An account asked for something outside its role, organisation or area: 403 with this
 * message (web module).
 */
public class NotPermittedException extends AccessDeniedException {

	NotPermittedException(String message) {
		super(message);
	}

}
