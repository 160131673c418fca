package org.ceprint.registry;

import java.util.List;

import org.ceprint.registry.internal.InvalidRecordException;

/**
 * The result of checking one typed code: its normalised value and, if it is wrong, why.
 */
public record Checked(String value, String problem) {

	static Checked ok(String value) {
		return new Checked(value, null);
	}

	static Checked problem(String value, String problem) {
		return new Checked(value, problem);
	}

	public boolean valid() {
		return this.problem == null;
	}

	/**
	 * The value if valid, else an {@link InvalidRecordException} naming record and field.
	 */
	public String orThrow(String record, String field) {
		if (!valid()) {
			throw new InvalidRecordException(List.of(new FieldProblem(record, field, this.value, this.problem)));
		}
		return this.value;
	}

}
