package org.ceprint.commandline;

/**
 * A command after which the web server may keep running.
 */
interface ServingCommand {

	boolean keepsServing();

}
