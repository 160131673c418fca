package org.ceprint.registry;

/**
 * A module whose rows point at registry rows; told before the registry is emptied (for a
 * fresh demonstration), so it can remove them first without the registry knowing its
 * tables.
 */
public interface RegistryDependents {

	void beforeRegistryCleared();

}
