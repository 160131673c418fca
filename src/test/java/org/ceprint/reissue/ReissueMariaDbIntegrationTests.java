package org.ceprint.reissue;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link ReissueContract} on a real MariaDB server: the concurrent reissue meets InnoDB's
 * row locks.
 */
@MariaDbTest
class ReissueMariaDbIntegrationTests extends ReissueContract {

}
