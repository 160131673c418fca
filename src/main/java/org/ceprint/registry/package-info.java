/**
 * People, units, certificates and registration entries (第七至九条), with the validation of
 * their codes.
 */
package org.ceprint.registry;
