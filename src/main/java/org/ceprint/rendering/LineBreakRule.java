package org.ceprint.rendering;

/**
 * 避头尾, the Chinese line-breaking rule every template follows: no printed line starts with
 * closing punctuation, 。，、；：？！）」』】 and their ASCII and half-width forms
 * ({@link #NOT_AT_START}), and none ends with an opening bracket such as （「『【
 * ({@link #NOT_AT_END}).
 */
public final class LineBreakRule {

	/** Characters that may not start a line. */
	public static final String NOT_AT_START = "。，、；：？！）」』】〕〉》］｝．｡､,.;:?!)]}";

	/** Characters that may not end a line. */
	public static final String NOT_AT_END = "（「『【〔〈《［｛([{";

	private LineBreakRule() {
	}

	public static boolean notAtStart(char c) {
		return NOT_AT_START.indexOf(c) >= 0;
	}

	public static boolean notAtEnd(char c) {
		return NOT_AT_END.indexOf(c) >= 0;
	}

	/** Whether the text holds any character this rule is about. */
	public static boolean concerns(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (notAtStart(c) || notAtEnd(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a printed line, leading and trailing spaces aside, breaks the rule.
	 */
	public static boolean violatedBy(String line) {
		String text = line.strip();
		return !text.isEmpty() && (notAtStart(text.charAt(0)) || notAtEnd(text.charAt(text.length() - 1)));
	}

}
