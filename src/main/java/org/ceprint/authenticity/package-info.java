/**
 * QR authenticity codes and the public verification page.
 */
package org.ceprint.authenticity;
