package org.ceprint.commandline;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link EmptyRegistryContract} on the embedded H2 database, a fresh one for this class.
 */
@SpringBootTest(properties = "ceprint.accounts.demo-accounts=false")
class EmptyRegistryTests extends EmptyRegistryContract {

}
