package org.ceprint.commandline.internal;

/**
 * A command after which the web server may keep running.
 */
public interface ServingCommand {

	boolean keepsServing();

}
