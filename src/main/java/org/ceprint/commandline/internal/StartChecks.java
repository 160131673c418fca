package org.ceprint.commandline.internal;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a command can tell from its options alone, before the application starts: that
 * they are refused, or that it needs no application at all.
 */
public interface StartChecks {

	/**
	 * The exit code of a refusal, its reason printed on standard error; empty to go on.
	 * Uses no service: it runs before there are any.
	 */
	default OptionalInt refusal() {
		return OptionalInt.empty();
	}

	/** Whether the command, with these options, needs the database and the services. */
	default boolean needsApplication() {
		return true;
	}

	/**
	 * Spring settings the command's options stand for (such as {@code print --remote}),
	 * given to the application as if typed after the command.
	 */
	default Map<String, String> settings() {
		return Map.of();
	}

	/**
	 * The configuration of an application narrower than the whole that the command runs
	 * in (such as {@code verify}'s); empty for the whole application.
	 */
	default Optional<Class<?>> application() {
		return Optional.empty();
	}

}
