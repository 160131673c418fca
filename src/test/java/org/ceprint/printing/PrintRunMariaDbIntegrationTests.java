package org.ceprint.printing;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link PrintRunContract} on a real MariaDB server.
 */
@MariaDbTest
class PrintRunMariaDbIntegrationTests extends PrintRunContract {

}
