package org.ceprint.intake.internal;

import java.util.Optional;

import org.ceprint.rendering.GlyphCoverage;

/**
 * The rule for every imported field that will be printed, checked at entry with the fonts
 * the renderer uses, so that nothing that cannot print is stored: control characters (NUL
 * included), zero-width and other format characters, text-direction overrides (they print
 * 「安全培训‮fdp.exe」 reversed), private-use, unassigned and broken characters are refused, as
 * is any character the fonts lack (an emoji, say). Tabs and line breaks were turned into
 * spaces before (see {@link CellText#normalised(String)}).
 */
public final class PrintableText {

	private static final String BIDI = "文字方向控制符";

	private final GlyphCoverage coverage;

	public PrintableText(GlyphCoverage coverage) {
		this.coverage = coverage;
	}

	/** Why the value cannot be printed, naming its first such character, if it cannot. */
	public Optional<String> problem(String value) {
		if (isPrintableAscii(value)) {
			return Optional.empty();
		}
		int[] codePoints = value.codePoints().toArray();
		for (int c : codePoints) {
			String kind = invisibleKind(c);
			if (kind != null) {
				return Optional
					.of("含有%s U+%04X%s，不能打印，请删除后重新输入".formatted(kind, c, kind.equals(BIDI) ? "（会使文字倒序显示）" : ""));
			}
		}
		for (int c : codePoints) {
			if (!this.coverage.covers(c)) {
				return Optional
					.of("含有字库中没有的字符「%s」(U+%04X)，无法打印，请改用规范汉字或删除".formatted(new String(Character.toChars(c)), c));
			}
		}
		return Optional.empty();
	}

	/**
	 * Printable ASCII, which the fonts have: most of a summary table's cells (ID numbers,
	 * dates, hours), passed without looking at each character twice.
	 */
	private static boolean isPrintableAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/** What kind of character that must not be printed {@code c} is, or null. */
	static String invisibleKind(int c) {
		if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
			return BIDI;
		}
		if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF) {
			return "零宽字符";
		}
		return switch (Character.getType(c)) {
			case Character.CONTROL -> "控制字符";
			case Character.FORMAT -> "格式控制字符";
			case Character.PRIVATE_USE -> "私用区字符";
			case Character.UNASSIGNED -> "未分配的字符";
			case Character.SURROGATE -> "不完整的字符（孤立的代理项）";
			default -> null;
		};
	}

}
