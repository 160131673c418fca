package org.ceprint.registry;

/**
 * {@link RegistryRepositoriesContract} on the embedded H2 database.
 */
class RegistryRepositoriesTests extends RegistryRepositoriesContract {

}
