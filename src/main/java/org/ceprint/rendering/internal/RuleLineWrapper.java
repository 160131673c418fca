package org.ceprint.rendering.internal;

import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextLayout;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.text.BreakIterator;

import net.sf.jasperreports.engine.JRCommonText;
import net.sf.jasperreports.engine.fill.ComplexTextLineWrapper;
import net.sf.jasperreports.engine.fill.TextLayoutLine;
import net.sf.jasperreports.engine.fill.TextLine;
import net.sf.jasperreports.engine.fill.TextMeasureContext;
import net.sf.jasperreports.engine.util.MaxFontSizeFinder;

/**
 * JasperReports' line wrapper for styled and mixed-font text, measuring lines with AWT's
 * {@link LineBreakMeasurer} as it does, but breaking them with {@link RuleBreakIterator}.
 * Its parent keeps the whole text and hands each paragraph to
 * {@link #startParagraph(AttributedCharacterIterator, boolean)}; the rest of the
 * paragraph's state is kept here.
 */
final class RuleLineWrapper extends ComplexTextLineWrapper {

	private TextMeasureContext context;

	private MaxFontSizeFinder maxFontSizeFinder;

	private AttributedCharacterIterator paragraph;

	private LineBreakMeasurer lineMeasurer;

	@Override
	public void init(TextMeasureContext context) {
		super.init(context);
		this.context = context;
		this.maxFontSizeFinder = MaxFontSizeFinder
			.getInstance(!JRCommonText.MARKUP_NONE.equals(context.getElement().getMarkup()));
	}

	@Override
	protected void startParagraph(AttributedCharacterIterator paragraph, boolean truncateAtChar) {
		this.paragraph = paragraph;
		BreakIterator breaks = truncateAtChar ? BreakIterator.getCharacterInstance() : new RuleBreakIterator();
		this.lineMeasurer = new LineBreakMeasurer(paragraph, breaks, this.context.getFontRenderContext());
	}

	@Override
	public int paragraphPosition() {
		return this.lineMeasurer.getPosition();
	}

	@Override
	public int paragraphEnd() {
		return this.paragraph.getEndIndex();
	}

	@Override
	public TextLine nextLine(float width, int endLimit, boolean requireWord) {
		TextLayout layout = this.lineMeasurer.nextLayout(width, endLimit, requireWord);
		return (layout != null) ? new TextLayoutLine(layout) : null;
	}

	@Override
	public TextLine baseTextLine(int index) {
		AttributedString character = new AttributedString(this.paragraph, index, index + 1);
		LineBreakMeasurer measurer = new LineBreakMeasurer(character.getIterator(),
				this.context.getFontRenderContext());
		return new TextLayoutLine(measurer.nextLayout(100));
	}

	@Override
	public float maxFontsize(int start, int end) {
		return this.maxFontSizeFinder.findMaxFontSize(new AttributedString(this.paragraph, start, end).getIterator(),
				this.context.getElement().getFontSize());
	}

}
