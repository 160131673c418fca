package org.ceprint.rendering.internal;

import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where the PDF library may end a line: at the breaks of {@link RuleBreakIterator}, the
 * same that the fill-time measurement uses, and nowhere else (not after every ideograph,
 * as the library's default does, nor after any space). Where no such break fits, the
 * library breaks the text where the line is full, so nothing is lost. One instance per
 * export: it keeps the breaks of the last text asked about.
 */
final class RuleSplitCharacter implements SplitCharacter {

	private final RuleBreakIterator breaks = new RuleBreakIterator();

	private char[] text;

	private int end;

	@Override
	public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
		if (current + 1 >= end) {
			return false;
		}
		if (cc != this.text || end != this.end) {
			this.text = cc;
			this.end = end;
			this.breaks.setText(characters(cc, end, ck));
		}
		return this.breaks.isBoundary(current + 1);
	}

	/** The text as Unicode: with CJK fonts of the PDF library, the chunk holds CIDs. */
	private static CharacterIterator characters(char[] cc, int end, PdfChunk[] ck) {
		StringBuilder unicode = new StringBuilder(end);
		for (int i = 0; i < end; i++) {
			unicode.append((ck != null) ? (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]) : cc[i]);
		}
		return new StringCharacterIterator(unicode.toString());
	}

}
