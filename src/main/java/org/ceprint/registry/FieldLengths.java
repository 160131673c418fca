package org.ceprint.registry;

/**
 * The lengths of the registry's text columns that are filled from outside (the schema's
 * VARCHAR sizes, checked against the database by a test), so that a value too long is
 * refused with the field named before it reaches the database. Lengths count UTF-16
 * units, as H2 does: a character of CJK Extension B and beyond counts two.
 */
public final class FieldLengths {

	/** person.name */
	public static final int PERSON_NAME = 40;

	/** registration_entry.project_name */
	public static final int PROJECT_NAME = 100;

	/** registration_entry.content */
	public static final int CONTENT = 200;

	/** registration_entry.result */
	public static final int RESULT = 40;

	/** registration_entry.outcome */
	public static final int OUTCOME = 100;

	private FieldLengths() {
	}

}
