package org.ceprint.intake.internal;

/**
 * What a cell's text becomes before it is checked: the typing accidents of a spreadsheet
 * undone, so that the same entry typed two ways is read alike.
 */
final class CellText {

	private CellText() {
	}

	/**
	 * Full-width letters and digits to half-width (and full-width punctuation too in text
	 * without Chinese); ideographic spaces, tabs, line breaks and other spaces to one
	 * space; stripped; the apostrophe that ceprint's exports put before = + - @ removed.
	 */
	static String normalised(String value) {
		if (isNormal(value)) {
			return value;
		}
		// Chinese text keeps its full-width punctuation (，（）); elsewhere, as in ２４．５
		// or 2024－03－05, it was typed by accident
		boolean chinese = value.codePoints()
			.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		StringBuilder text = new StringBuilder(value.length());
		value.codePoints().forEach((c) -> {
			if (c >= 0xFF01 && c <= 0xFF5E && (!chinese || Character.isLetterOrDigit(c - 0xFEE0))) {
				text.append((char) (c - 0xFEE0));
			}
			else if (c == 0x3000 || c == 0xA0 || c == '\t' || c == '\n' || c == '\r'
					|| Character.getType(c) == Character.SPACE_SEPARATOR) {
				// line breaks typed with Alt+Enter and other spaces: one space (runs are
				// collapsed below)
				text.append(' ');
			}
			else {
				text.appendCodePoint(c);
			}
		});
		String stripped = text.toString().replaceAll(" {2,}", " ").strip();
		if (stripped.length() > 1 && stripped.charAt(0) == '\'' && "=+-@".indexOf(stripped.charAt(1)) >= 0) {
			return stripped.substring(1);
		}
		return stripped;
	}

	/**
	 * Whether the text is left as it is: most cells are, and the general case below costs
	 * more than reading them.
	 */
	private static boolean isNormal(String value) {
		if (value.isEmpty()) {
			return true;
		}
		if (value.charAt(0) == '\'' || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
			return false;
		}
		char previous = 'x';
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean ordinary = (c < 0x80) ? (c > ' ' || (c == ' ' && previous != ' ')) : !(c >= 0xFF01 && c <= 0xFF5E)
					&& !Character.isSurrogate(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
			if (!ordinary) {
				return false;
			}
			previous = c;
		}
		return true;
	}

}
