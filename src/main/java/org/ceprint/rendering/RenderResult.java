package org.ceprint.rendering;

import java.util.List;

/**
 * The documents of one rendered PDF, in page order, and its page count.
 */
public record RenderResult(List<RenderedDocument> documents, int pageCount) {

}
