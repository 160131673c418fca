package org.ceprint.authenticity;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link OfficeScansTests} on a real MariaDB server: the attribution of checks to offices
 * and the daily counts' SQL.
 */
@MariaDbTest
class OfficeScansMariaDbIntegrationTests extends OfficeScansTests {

}
