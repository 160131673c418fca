package org.ceprint.printing.internal;

/**
 * One document inside a PDF file of a run, with the SHA-256 of its pages' content streams
 * (stable across reprints, unlike the file's bytes, which carry dates and font subset
 * tags).
 */
record PrintedDocument(String documentNo, int firstPage, int lastPage, String contentSha256) {

}
