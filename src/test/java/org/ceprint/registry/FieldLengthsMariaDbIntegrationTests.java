package org.ceprint.registry;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link FieldLengthsTests} on a real MariaDB server, whose VARCHAR lengths count
 * characters as the checks do.
 */
@MariaDbTest
class FieldLengthsMariaDbIntegrationTests extends FieldLengthsTests {

}
