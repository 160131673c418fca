package org.ceprint.authenticity;

/**
 * A document as named by the URL in its QR code.
 */
public record DocumentReference(DocumentKind kind, String documentNo) {

}
