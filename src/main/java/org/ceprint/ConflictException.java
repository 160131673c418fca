package org.ceprint;

/**
 * The input is well formed but not possible in the current state (a batch already closed,
 * a certificate already replaced, a run still going).
 */
public class ConflictException extends RefusedException {

	public ConflictException(String message) {
		super(message);
	}

	public ConflictException(String message, Throwable cause) {
		super(message, cause);
	}

}
