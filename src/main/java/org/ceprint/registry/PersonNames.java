package org.ceprint.registry;

import java.text.Normalizer;

/**
 * The rule for what a person's name may hold, for every place a name enters the registry.
 * <p>
 * A name ({@link #check}) is Chinese characters (汉字 of every CJK block Java knows, the
 * extensions included: whether a character prints is the fonts' question, asked by the
 * caller that prints) and the middle dot 「·」 (U+00B7) of minority names, between two
 * characters. Before checking, spaces around it are trimmed, it is put in Unicode NFC,
 * and the dots typed for the middle dot are turned into it (• ・ ･ ． . ‧ ∙ ⋅ · ᛫ ㆍ ⸱ ꞏ,
 * see {@code DOT_VARIANTS}). Refused, naming the character and its code point: Latin
 * letters (foreign names go in a foreign-name field, {@link #checkForeign}), digits, any
 * other punctuation or symbol, spaces inside the name, control, zero-width, format,
 * text-direction, private-use, unassigned and broken characters, radicals that look like
 * characters, a dot at either end or two in a row, and a name longer than
 * {@code person.name}.
 * <p>
 * A foreign name ({@link #checkForeign}) is Latin letters with single spaces, hyphens,
 * apostrophes and middle dots between them. No column holds one yet.
 */
public final class PersonNames {

	public static final String FIELD = "姓名";

	public static final String FOREIGN_FIELD = "外文姓名";

	public static final char MIDDLE_DOT = '\u00B7';

	/**
	 * Typed for the middle dot: bullet, katakana middle dot (full- and half-width),
	 * full-width and half-width full stop, hyphenation point, bullet and dot operators,
	 * Greek ano teleia, runic punctuation, Hangul araea, word-separator middle dot, Latin
	 * sinological dot.
	 */
	static final String DOT_VARIANTS = "\u2022\u30FB\uFF65\uFF0E.\u2027\u2219\u22C5\u0387\u16EB\u318D\u2E31\uA78F";

	private static final String ONLY_CHINESE = "姓名只能使用汉字和间隔号「·」";

	private static final String ONLY_LATIN = "外文姓名只能使用拉丁字母，以及字母之间的一个空格、连字符「-」、撇号「'」或间隔号「·」";

	private PersonNames() {
	}

	/**
	 * Returns the name normalised, or the problem with it, in Chinese, naming the
	 * character and its code point.
	 */
	public static Checked check(String typed) {
		String nfc = Normalizer.normalize(trimSpaces(typed), Normalizer.Form.NFC);
		int[] typedCodePoints = nfc.codePoints().toArray();
		int[] codePoints = typedCodePoints.clone();
		for (int i = 0; i < codePoints.length; i++) {
			if (DOT_VARIANTS.indexOf(codePoints[i]) >= 0) {
				codePoints[i] = MIDDLE_DOT;
			}
		}
		String name = new String(codePoints, 0, codePoints.length);
		if (name.isEmpty()) {
			return Checked.problem(name, "须填写");
		}
		for (int c : typedCodePoints) {
			String refusal = (DOT_VARIANTS.indexOf(c) >= 0) ? null : refusal(c);
			if (refusal != null) {
				return Checked.problem(name, refusal);
			}
		}
		for (int i = 0; i < codePoints.length; i++) {
			if (codePoints[i] != MIDDLE_DOT) {
				continue;
			}
			if (i == 0 || i == codePoints.length - 1) {
				return Checked.problem(name, "间隔号%s不能在姓名的开头或结尾".formatted(shown(typedCodePoints[i])));
			}
			if (codePoints[i + 1] == MIDDLE_DOT) {
				return Checked.problem(name, "间隔号%s不能连续出现".formatted(shown(typedCodePoints[i + 1])));
			}
		}
		if (name.length() > FieldLengths.PERSON_NAME) {
			return Checked.problem(name, tooLong(name));
		}
		return Checked.ok(name);
	}

	/**
	 * Returns a foreign name (as in a passport) normalised, or the problem with it:
	 * full-width letters made half-width, typographic apostrophes and hyphens made ASCII,
	 * the dots of {@link #check} made the middle dot, spaces trimmed.
	 */
	public static Checked checkForeign(String typed) {
		StringBuilder normal = new StringBuilder();
		Normalizer.normalize(trimSpaces(typed), Normalizer.Form.NFC).codePoints().forEach((c) -> {
			int half = (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c;
			if (half == '\u2019' || half == '\u2018' || half == '\u02BC') {
				half = '\'';
			}
			else if (half == '\u2010' || half == '\u2011') {
				half = '-';
			}
			else if (half != '.' && DOT_VARIANTS.indexOf(half) >= 0) {
				half = MIDDLE_DOT;
			}
			else if (Character.getType(half) == Character.SPACE_SEPARATOR) {
				half = ' ';
			}
			normal.appendCodePoint(half);
		});
		String name = normal.toString();
		if (name.isEmpty()) {
			return Checked.problem(name, "须填写");
		}
		int[] codePoints = name.codePoints().toArray();
		for (int i = 0; i < codePoints.length; i++) {
			int c = codePoints[i];
			if (isLatinLetter(c)) {
				continue;
			}
			if (!isForeignSeparator(c)) {
				String kind = invisibleKind(c);
				return Checked.problem(name, (kind != null) ? invisible(kind, c)
						: "含有%s%s，%s".formatted(Character.isDigit(c) ? "数字" : "", shown(c), ONLY_LATIN));
			}
			if (i == 0 || i == codePoints.length - 1) {
				return Checked.problem(name, "%s不能在外文姓名的开头或结尾".formatted(shown(c)));
			}
			if (isForeignSeparator(codePoints[i + 1])) {
				return Checked.problem(name,
						"%s与%s连在一起，%s".formatted(shown(c), shown(codePoints[i + 1]), "字母之间只能有一个空格或一个连字符、撇号、间隔号"));
			}
		}
		return Checked.ok(name);
	}

	/** Why {@code c} may not be in a Chinese name, or null if it may. */
	private static String refusal(int c) {
		if (c == MIDDLE_DOT) {
			return null;
		}
		String kind = invisibleKind(c);
		if (kind != null) {
			return invisible(kind, c);
		}
		if (Character.getType(c) == Character.SPACE_SEPARATOR) {
			return "中间含有空格 U+%04X，姓名中间不能有空格，请删除".formatted(c);
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		if (script == Character.UnicodeScript.HAN && Character.isIdeographic(c)) {
			return null;
		}
		if (script == Character.UnicodeScript.LATIN && Character.isLetter(c)) {
			return "含有拉丁字母%s，%s；外籍人员请使用外文姓名栏".formatted(shown(c), ONLY_CHINESE);
		}
		if (Character.isDigit(c)) {
			return "含有数字%s，%s".formatted(shown(c), ONLY_CHINESE);
		}
		if (c >= 0x2E80 && c <= 0x2FDF) {
			// CJK and Kangxi radicals: copied from PDFs, they look like the character
			// and are not it, so the name would match nobody
			String character = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC);
			return "含有部首%s，它不是汉字%s".formatted(shown(c),
					(character.codePointCount(0, character.length()) == 1 && character.codePointAt(0) != c)
							? "，请改为" + shown(character.codePointAt(0)) : "，请重新输入");
		}
		return "含有%s，不是汉字，%s".formatted(shown(c), ONLY_CHINESE);
	}

	private static boolean isLatinLetter(int c) {
		return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
	}

	private static boolean isForeignSeparator(int c) {
		return c == ' ' || c == '-' || c == '\'' || c == MIDDLE_DOT;
	}

	/**
	 * What kind of character that shows nothing or garbles the text around it {@code c}
	 * is, or null: such characters make two names that look alike different.
	 */
	static String invisibleKind(int c) {
		if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
			return "文字方向控制符";
		}
		if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF) {
			return "零宽字符";
		}
		if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) {
			return "异体字选择符";
		}
		return switch (Character.getType(c)) {
			case Character.CONTROL -> "控制字符";
			case Character.FORMAT -> "格式控制字符";
			case Character.PRIVATE_USE -> "私用区字符";
			case Character.UNASSIGNED -> "未分配的字符";
			case Character.SURROGATE -> "不完整的字符（孤立的代理项）";
			case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "换行符";
			default -> null;
		};
	}

	private static String invisible(String kind, int c) {
		return "含有%s U+%04X，姓名中不能有看不见的字符，请删除后重新输入".formatted(kind, c);
	}

	/** A character as messages show it: 「A」(U+0041). */
	private static String shown(int c) {
		return "「%s」(U+%04X)".formatted(new String(Character.toChars(c)), c);
	}

	/**
	 * Counted as the column counts: H2 counts UTF-16 units, so a character of Extension B
	 * and beyond counts two (see {@link FieldLengths}).
	 */
	private static String tooLong(String name) {
		int characters = name.codePointCount(0, name.length());
		int wide = name.length() - characters;
		return "不能超过 %d 字（现有 %d 字%s）".formatted(FieldLengths.PERSON_NAME, characters,
				(wide > 0) ? "，其中扩展区汉字 %d 个，每个按 2 字计".formatted(wide) : "");
	}

	/** Strips spaces of every kind (U+3000 and U+00A0 too) from both ends. */
	private static String trimSpaces(String typed) {
		if (typed == null) {
			return "";
		}
		int start = 0;
		int end = typed.length();
		while (start < end && isSpace(typed.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(typed.charAt(end - 1))) {
			end--;
		}
		return typed.substring(start, end);
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

}
