/**
 * Spring Batch print runs into print-batches/: manifest, atomic completion, restart.
 */
package org.ceprint.printing;
