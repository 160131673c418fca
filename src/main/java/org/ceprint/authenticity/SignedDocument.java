package org.ceprint.authenticity;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The canonical content of a printed document that its QR code signs: kind, number,
 * holder name, a hash of the ID number, issue date and the total hours printed on it.
 * {@link #canonicalBytes()} is what the Ed25519 signature covers, together with the
 * format version and the key id that lead it in the token.
 *
 * @param idHash the first 8 bytes of SHA-256 over the upper-case ID number, in hex; all
 * zeros for a document without a holder (a summary table)
 */
public record SignedDocument(DocumentKind kind, String documentNo, String holderName, String idHash,
		LocalDate issueDate, BigDecimal totalHours) {

	static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

	static final String NO_ID = "0000000000000000";

	public SignedDocument {
		totalHours = totalHours.setScale(1, RoundingMode.HALF_UP);
	}

	public static SignedDocument of(DocumentKind kind, String documentNo, String holderName, String idNumber,
			LocalDate issueDate, BigDecimal totalHours) {
		return new SignedDocument(kind, documentNo, holderName, idHash(idNumber), issueDate,
				(totalHours != null) ? totalHours : BigDecimal.ZERO);
	}

	static String idHash(String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return NO_ID;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether the ID number typed by a verifier is the one this document was signed for.
	 */
	public boolean matchesIdNumber(String idNumber) {
		return !NO_ID.equals(this.idHash) && this.idHash.equals(idHash(idNumber));
	}

	public byte[] canonicalBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		out.write(this.kind.ordinal());
		writeText(out, this.documentNo);
		writeText(out, this.holderName);
		out.writeBytes(HexFormat.of().parseHex(this.idHash));
		int days = (int) (this.issueDate.toEpochDay() - EPOCH.toEpochDay());
		if (days < 0 || days > 0xFFFF) {
			throw new IllegalArgumentException("发证日期超出可签名范围：" + this.issueDate);
		}
		out.writeBytes(ByteBuffer.allocate(2).putShort((short) days).array());
		int tenths = this.totalHours.movePointRight(1).intValueExact();
		if (tenths < 0 || tenths > 0xFFFFFF) {
			throw new IllegalArgumentException("学时合计超出可签名范围：" + this.totalHours);
		}
		out.write(tenths >>> 16);
		out.write(tenths >>> 8);
		out.write(tenths);
		return out.toByteArray();
	}

	public static SignedDocument read(ByteBuffer in) {
		int kindIndex = in.get() & 0xFF;
		if (kindIndex >= DocumentKind.values().length) {
			throw new IllegalArgumentException("unknown document kind " + kindIndex);
		}
		String documentNo = readText(in);
		String holderName = readText(in);
		byte[] hash = new byte[8];
		in.get(hash);
		LocalDate issueDate = EPOCH.plusDays(in.getShort() & 0xFFFF);
		int tenths = ((in.get() & 0xFF) << 16) | ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
		return new SignedDocument(DocumentKind.values()[kindIndex], documentNo, holderName,
				HexFormat.of().formatHex(hash), issueDate, BigDecimal.valueOf(tenths, 1));
	}

	private static void writeText(ByteArrayOutputStream out, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > 255) {
			throw new IllegalArgumentException("签名内容过长：" + text);
		}
		out.write(bytes.length);
		out.writeBytes(bytes);
	}

	private static String readText(ByteBuffer in) {
		byte[] bytes = new byte[in.get() & 0xFF];
		in.get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** The kind and number only: never the holder's name (logs, exception messages). */
	@Override
	public String toString() {
		return "SignedDocument[" + this.kind + " " + this.documentNo + "]";
	}

}
