package org.ceprint.rendering.internal;

/**
 * Where a template asked for a verification seal: the verification cell of one row, in
 * JasperReports page coordinates (points, origin top left).
 *
 * @param page 0-based page of the rendered PDF
 * @param office the verifying office, whose name the seal carries
 * @param fall the seed of the stamp's fall: the same for the same booklet row whether the
 * seal is printed with the document or on an overlay
 */
public record SealAnchor(int page, float x, float y, float width, float height, String office, long fall) {

	public static final String KEY = "sealAnchor";

	public static final String OFFICE_PROPERTY = "ceprint.seal.office";

	/** The row field a template reads the seal's office from. */
	public static final String OFFICE_FIELD = "sealOffice";

}
