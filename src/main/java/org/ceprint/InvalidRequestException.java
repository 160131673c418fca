package org.ceprint;

/**
 * The input itself is wrong (a field, a record, an option): asking again with the same
 * input will be refused again.
 */
public class InvalidRequestException extends RefusedException {

	public InvalidRequestException(String message) {
		super(message);
	}

	public InvalidRequestException(String message, Throwable cause) {
		super(message, cause);
	}

}
