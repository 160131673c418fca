package org.ceprint.printing;

/**
 * {@link PrintRunContract} on the embedded H2 database.
 */
class PrintRunTests extends PrintRunContract {

}
