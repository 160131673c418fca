package org.ceprint.authenticity;

/**
 * How a document was checked, as the scan log records it (its name, at most eight
 * characters, is what the column holds).
 */
public enum ScanChannel {

	/** The verification page a QR code opens. */
	QR("扫码查验"),

	/** The JSON API, by token or by number and name. */
	API("查验接口"),

	/** The look-up page: a certificate number typed with the holder's name. */
	LOOKUP("编号查询"),

	/** {@code ceprint verify FILE} against the registry. */
	CLI("命令行查验");

	private final String label;

	ScanChannel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** A stored value; null for one no longer written (rows of older versions). */
	public static ScanChannel ofStored(String name) {
		for (ScanChannel channel : values()) {
			if (channel.name().equals(name)) {
				return channel;
			}
		}
		return null;
	}

}
