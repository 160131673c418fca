package org.ceprint.registry;

import java.util.List;

/**
 * A professional with the number of their valid certificate (null if they hold none) and,
 * when asked for, their registration entries in date order.
 */
public record PersonDossier(Holder holder, String certificateNo, List<RegistrationEntry> entries) {

}
