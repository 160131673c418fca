package org.ceprint.registry;

import org.ceprint.testsupport.MariaDbTest;

/**
 * {@link CertificateNumberAllocatorContract} on a real MariaDB server.
 */
@MariaDbTest
class CertificateNumberAllocatorMariaDbIntegrationTests extends CertificateNumberAllocatorContract {

}
