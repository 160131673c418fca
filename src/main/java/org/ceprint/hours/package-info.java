/**
 * Hours-crediting standard (第六条) and annual assessment (第五、十五条), by rule set in force.
 */
package org.ceprint.hours;
