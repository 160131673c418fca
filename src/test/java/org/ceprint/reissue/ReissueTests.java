package org.ceprint.reissue;

/**
 * {@link ReissueContract} on the embedded H2 database.
 */
class ReissueTests extends ReissueContract {

}
