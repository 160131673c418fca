package org.ceprint.rendering;

/**
 * Where one document lies in a rendered PDF: its 1-based first and last page.
 */
public record RenderedDocument(String documentNo, int firstPage, int lastPage) {

}
