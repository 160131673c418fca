package org.ceprint.rendering.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

import org.ceprint.rendering.LineBreakRule;

/**
 * Line breaks under 避头尾 ({@link LineBreakRule}): Java's line {@link BreakIterator}
 * (Unicode line breaking, which already keeps most closing punctuation on its line), less
 * every break that would still start a line with closing punctuation or end one with an
 * opening bracket, spaces at the break included (Java breaks after a space even when a
 * 「）」 follows).
 * <p>
 * A text whose rule-abiding breaks leave a piece wider than the line (a run of
 * punctuation) is still broken inside that piece by the line measurers, as any over-long
 * word is, so no text is ever lost.
 */
public final class RuleBreakIterator extends BreakIterator {

	/**
	 * Java's line breaks, made once and cloned for each iterator. The JDK caches one
	 * locale per kind of iterator: asking it for Chinese here while JasperReports asks
	 * for the default locale made each side load the break tables afresh, thousands of
	 * times a run. A clone shares the tables and is cheap.
	 */
	private static final BreakIterator JAVA_LINE_BREAKS = BreakIterator.getLineInstance(Locale.SIMPLIFIED_CHINESE);

	private BreakIterator base = (BreakIterator) JAVA_LINE_BREAKS.clone();

	private CharacterIterator text = new StringCharacterIterator("");

	private int[] boundaries = { 0 };

	private int current;

	private int dropped;

	/**
	 * Whether the rule takes away any of Java's line breaks in the text: where it takes
	 * none, any measurer using Java's breaks breaks the text as the rule does.
	 */
	public static boolean dropsBreaks(String text) {
		if (!LineBreakRule.concerns(text)) {
			return false;
		}
		RuleBreakIterator breaks = new RuleBreakIterator();
		breaks.setText(new StringCharacterIterator(text));
		return breaks.dropped > 0;
	}

	@Override
	public void setText(CharacterIterator newText) {
		this.text = newText;
		this.base.setText((CharacterIterator) newText.clone());
		int begin = newText.getBeginIndex();
		int end = newText.getEndIndex();
		int[] kept = new int[end - begin + 1];
		int count = 0;
		this.dropped = 0;
		for (int boundary = this.base.first(); boundary != DONE; boundary = this.base.next()) {
			if (boundary == begin || boundary == end || allowed(newText, boundary)) {
				kept[count++] = boundary;
			}
			else {
				this.dropped++;
			}
		}
		this.boundaries = Arrays.copyOf(kept, count);
		this.current = 0;
	}

	/**
	 * Whether the rule allows a line to end at {@code boundary}, spaces around it aside.
	 */
	private static boolean allowed(CharacterIterator text, int boundary) {
		char before = text.setIndex(boundary - 1);
		while (Character.isWhitespace(before) && text.getIndex() > text.getBeginIndex()) {
			before = text.previous();
		}
		char after = text.setIndex(boundary);
		while (after != CharacterIterator.DONE && Character.isWhitespace(after)) {
			after = text.next();
		}
		return !LineBreakRule.notAtEnd(before) && (after == CharacterIterator.DONE || !LineBreakRule.notAtStart(after));
	}

	@Override
	public CharacterIterator getText() {
		return this.text;
	}

	@Override
	public int first() {
		this.current = 0;
		return this.boundaries[0];
	}

	@Override
	public int last() {
		this.current = this.boundaries.length - 1;
		return this.boundaries[this.current];
	}

	@Override
	public int next(int n) {
		int target = this.current + n;
		if (target < 0 || target >= this.boundaries.length) {
			this.current = (target < 0) ? 0 : this.boundaries.length - 1;
			return DONE;
		}
		this.current = target;
		return this.boundaries[target];
	}

	@Override
	public int next() {
		return next(1);
	}

	@Override
	public int previous() {
		return next(-1);
	}

	@Override
	public int current() {
		return this.boundaries[this.current];
	}

	@Override
	public int following(int offset) {
		checkOffset(offset);
		int index = Arrays.binarySearch(this.boundaries, offset);
		index = (index >= 0) ? index + 1 : -index - 1;
		if (index >= this.boundaries.length) {
			this.current = this.boundaries.length - 1;
			return DONE;
		}
		this.current = index;
		return this.boundaries[index];
	}

	@Override
	public int preceding(int offset) {
		checkOffset(offset);
		int index = Arrays.binarySearch(this.boundaries, offset);
		index = (index >= 0) ? index - 1 : -index - 2;
		if (index < 0) {
			this.current = 0;
			return DONE;
		}
		this.current = index;
		return this.boundaries[index];
	}

	@Override
	public boolean isBoundary(int offset) {
		checkOffset(offset);
		int index = Arrays.binarySearch(this.boundaries, offset);
		if (index >= 0) {
			this.current = index;
			return true;
		}
		following(offset);
		return false;
	}

	private void checkOffset(int offset) {
		if (offset < this.text.getBeginIndex() || offset > this.text.getEndIndex()) {
			throw new IllegalArgumentException("offset out of bounds");
		}
	}

	@Override
	public Object clone() {
		RuleBreakIterator copy = (RuleBreakIterator) super.clone();
		copy.base = (BreakIterator) this.base.clone();
		copy.text = (CharacterIterator) this.text.clone();
		return copy;
	}

}
