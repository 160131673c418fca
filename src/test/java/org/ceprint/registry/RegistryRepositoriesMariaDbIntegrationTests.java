package org.ceprint.registry;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link RegistryRepositoriesContract} on a real MariaDB server.
 */
@MariaDbTest
class RegistryRepositoriesMariaDbIntegrationTests extends RegistryRepositoriesContract {

}
