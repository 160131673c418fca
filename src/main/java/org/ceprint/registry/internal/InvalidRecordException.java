package org.ceprint.registry.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.ceprint.InvalidRequestException;
import org.ceprint.registry.FieldProblem;

/**
 * A record refused at the edge, with every problem found in it.
 */
public class InvalidRecordException extends InvalidRequestException {

	private final List<FieldProblem> problems;

	public InvalidRecordException(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::message).collect(Collectors.joining("；")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
