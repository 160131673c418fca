package org.ceprint.authenticity;

/**
 * The printed documents that carry a QR authenticity code. The kind is part of the signed
 * token; its position in this list is its code there, so new kinds go at the end.
 */
public enum DocumentKind {

	CERTIFICATE("继续教育证书"), REGISTER_CARD("继续教育登记卡"), SUMMARY_TABLE("继续教育情况登记汇总表"), RETURN_SLIP("继续教育登记验证退回单");

	private final String label;

	DocumentKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
