package org.ceprint.authenticity;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link ScanLogRetentionTests} on a real MariaDB server: V015 and the pruning's SQL.
 */
@MariaDbTest
class ScanLogRetentionMariaDbIntegrationTests extends ScanLogRetentionTests {

}
