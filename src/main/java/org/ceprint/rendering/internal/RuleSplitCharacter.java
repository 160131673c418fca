package org.ceprint.rendering.internal;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where the PDF library may end a line: at the breaks of {@link RuleBreakIterator}, the
 * same that the fill-time measurement uses, and nowhere else (not after every ideograph,
 * as the library's default does, nor after any space). Where no such break fits, the
 * library breaks the text where the line is full, so nothing is lost.
 * <p>
 * One instance per export. The library asks about every character of a paragraph in turn,
 * in arrays it reuses: the breaks of the last paragraph are kept with a copy of its text,
 * and those of recent paragraphs by text, as labels and static texts repeat on every
 * page.
 */
final class RuleSplitCharacter implements SplitCharacter {

	private static final int REMEMBERED = 512;

	private final RuleBreakIterator breaks = new RuleBreakIterator();

	private final Map<String, boolean[]> recent = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, boolean[]> eldest) {
			return size() > REMEMBERED;
		}

	};

	private char[] text = {};

	private boolean[] breakBefore = { true };

	@Override
	public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
		if (current + 1 >= end) {
			return false;
		}
		if (!Arrays.equals(cc, 0, end, this.text, 0, this.text.length)) {
			this.text = Arrays.copyOf(cc, end);
			this.breakBefore = this.recent.computeIfAbsent(unicode(cc, end, ck), this::breaks);
		}
		return this.breakBefore[current + 1];
	}

	private boolean[] breaks(String paragraph) {
		boolean[] before = new boolean[paragraph.length() + 1];
		this.breaks.setText(new StringCharacterIterator(paragraph));
		for (int offset = this.breaks.first(); offset != BreakIterator.DONE; offset = this.breaks.next()) {
			before[offset] = true;
		}
		return before;
	}

	/** The text as Unicode: with CJK fonts of the PDF library, the chunk holds CIDs. */
	private static String unicode(char[] cc, int end, PdfChunk[] ck) {
		if (ck == null) {
			return new String(cc, 0, end);
		}
		StringBuilder unicode = new StringBuilder(end);
		for (int i = 0; i < end; i++) {
			unicode.append((char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]));
		}
		return unicode.toString();
	}

}
