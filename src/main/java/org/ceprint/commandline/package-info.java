/**
 * The jar's command line: demo, serve, print, verify and import.
 */
package org.ceprint.commandline;
