package org.ceprint.commandline;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link EmptyRegistryContract} on the embedded H2 database, a fresh one for this class.
 */
// a context of its own, and so a database of its own that no other test class fills
@SpringBootTest(properties = { "ceprint.accounts.demo-accounts=false", "ceprint.test.context=empty-registry" })
class EmptyRegistryTests extends EmptyRegistryContract {

}
