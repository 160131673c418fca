package org.ceprint.registry;

/**
 * Status of a certificate: only one certificate of a person is valid at a time (一人一证).
 */
public enum CertificateStatus {

	VALID("有效"), SUPERSEDED("已换发"), VOID("已作废");

	private final String label;

	CertificateStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
