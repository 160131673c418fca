/**
 * Access to the pages and APIs of the offices (the print-run admin API, the clerk's
 * pages): a token from configuration, as a bearer token or as the password of HTTP Basic.
 * Depends on no other module.
 */
package org.ceprint.admin;
