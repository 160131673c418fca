package org.ceprint.rendering;

/**
 * A document that cannot be printed as it stands, such as a name with a character that no
 * shipped font has: printing it would put an empty box where the character belongs.
 */
public class UnprintableRecordException extends RuntimeException {

	private final String documentNo;

	private final String field;

	public UnprintableRecordException(String documentNo, String field, String reason) {
		super("文件 %s 的「%s」%s".formatted(documentNo, field, reason));
		this.documentNo = documentNo;
		this.field = field;
	}

	public String documentNo() {
		return this.documentNo;
	}

	public String field() {
		return this.field;
	}

}
