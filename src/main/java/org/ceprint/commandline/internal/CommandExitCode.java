package org.ceprint.commandline.internal;

/**
 * The exit code of the command that ran, and whether the web server should keep running
 * after it.
 */
class CommandExitCode {

	private volatile int value;

	private volatile boolean keepServing;

	int value() {
		return this.value;
	}

	boolean keepServing() {
		return this.keepServing;
	}

	void set(int value, boolean keepServing) {
		this.value = value;
		this.keepServing = keepServing;
	}

}
