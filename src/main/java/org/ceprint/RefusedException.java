package org.ceprint;

/**
 * A request ceprint refuses on purpose, with a message in Chinese for the person who made
 * it, naming the record and the field. Each kind has one answer: the web module maps
 * {@link InvalidRequestException} to 400, {@link NotFoundException} to 404 and
 * {@link ConflictException} to 409; the command line prints the message and exits with
 * its refusal code. {@link IllegalArgumentException} and {@link IllegalStateException}
 * are kept for programming errors.
 */
public abstract class RefusedException extends RuntimeException {

	protected RefusedException(String message) {
		super(message);
	}

	protected RefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
