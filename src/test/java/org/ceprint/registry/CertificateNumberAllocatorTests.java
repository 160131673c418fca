package org.ceprint.registry;

/**
 * {@link CertificateNumberAllocatorContract} on the embedded H2 database.
 */
class CertificateNumberAllocatorTests extends CertificateNumberAllocatorContract {

}
