/**
 * A seeded generator of a realistic provincial registry for demonstrations, tests and
 * benchmarks.
 */
package org.ceprint.demo;
