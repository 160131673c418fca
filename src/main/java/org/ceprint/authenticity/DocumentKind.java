package org.ceprint.authenticity;

/**
 * The printed documents that carry a QR authenticity code, with the short code used in
 * its URL.
 */
public enum DocumentKind {

	CERTIFICATE("c", "继续教育证书"), REGISTER_CARD("k", "继续教育登记卡"), SUMMARY_TABLE("s", "继续教育情况登记汇总表");

	private final String urlCode;

	private final String label;

	DocumentKind(String urlCode, String label) {
		this.urlCode = urlCode;
		this.label = label;
	}

	public String urlCode() {
		return this.urlCode;
	}

	public String label() {
		return this.label;
	}

	static DocumentKind fromUrlCode(String code) {
		for (DocumentKind kind : values()) {
			if (kind.urlCode.equalsIgnoreCase(code)) {
				return kind;
			}
		}
		return null;
	}

}
