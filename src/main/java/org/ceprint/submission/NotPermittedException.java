package org.ceprint.submission;

/** An account asked for something outside its role, organisation or area. */
public class NotPermittedException extends RuntimeException {

	NotPermittedException(String message) {
		super(message);
	}

}
