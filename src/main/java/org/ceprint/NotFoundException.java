package org.ceprint;

import java.util.NoSuchElementException;

/**
 * What was asked for does not exist (or is not visible to the caller). A
 * {@link NoSuchElementException}, so that code written against the JDK's meaning still
 * reads it.
 */
public class NotFoundException extends NoSuchElementException {

	public NotFoundException(String message) {
		super(message);
	}

}
