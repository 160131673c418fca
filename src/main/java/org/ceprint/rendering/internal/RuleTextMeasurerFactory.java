package org.ceprint.rendering.internal;

import java.awt.font.FontRenderContext;

import net.sf.jasperreports.engine.JRCommonText;
import net.sf.jasperreports.engine.JRPropertiesHolder;
import net.sf.jasperreports.engine.JRPropertiesUtil;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.export.AbstractTextRenderer;
import net.sf.jasperreports.engine.fill.JRMeasuredText;
import net.sf.jasperreports.engine.fill.JRTextMeasurer;
import net.sf.jasperreports.engine.fill.TextLineWrapper;
import net.sf.jasperreports.engine.fill.TextMeasureContext;
import net.sf.jasperreports.engine.fill.TextMeasurer;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.AbstractTextMeasurerFactory;
import net.sf.jasperreports.engine.util.JRStyledText;

/**
 * The fill-time text measurer with 避头尾: JasperReports' own measurer, except that a
 * paragraph where the rule takes away any of Java's line breaks is wrapped by
 * {@link RuleLineWrapper}. Other paragraphs, most of them as Java's breaks already keep
 * 「：」 and 「）」 with the character before, keep JasperReports' faster wrappers, whose
 * breaks are then the rule's. The measured lines decide element heights, font scaling and
 * page breaks; the PDF export breaks at the same places ({@link RulePdfProducerFactory}).
 * Named by {@code net.sf.jasperreports.text.measurer.factory} in
 * {@code jasperreports.properties}.
 */
public class RuleTextMeasurerFactory extends AbstractTextMeasurerFactory {

	@Override
	public JRTextMeasurer createMeasurer(JasperReportsContext context, JRCommonText text) {
		return createMeasurer(FontUtil.getInstance(context), text);
	}

	@Override
	public JRTextMeasurer createMeasurer(FontUtil fontUtil, JRCommonText text) {
		return new RuleTextMeasurer(fontUtil, text);
	}

	private static final class RuleTextMeasurer extends TextMeasurer {

		private final RuleLineWrapper ruleWrapper = new RuleLineWrapper();

		private JRStyledText text;

		private boolean wrapperStarted;

		private String lastParagraph;

		private boolean lastDropsBreaks;

		RuleTextMeasurer(FontUtil fontUtil, JRCommonText element) {
			super(fontUtil, element);
			this.ruleWrapper.init(new Context(fontUtil, element));
		}

		@Override
		public JRMeasuredText measure(JRStyledText styledText, int remainingTextStart, int availableStretchHeight,
				boolean indentFirstLine, boolean canOverflow) {
			this.text = styledText;
			this.wrapperStarted = false;
			return super.measure(styledText, remainingTextStart, availableStretchHeight, indentFirstLine, canOverflow);
		}

		@Override
		protected boolean renderParagraph(TextLineWrapper lineWrapper, int paragraphStart, String paragraphText) {
			if (paragraphText == null || !dropsBreaks(paragraphText)) {
				return super.renderParagraph(lineWrapper, paragraphStart, paragraphText);
			}
			if (!this.wrapperStarted) {
				this.ruleWrapper.start(this.text);
				this.wrapperStarted = true;
			}
			return super.renderParagraph(this.ruleWrapper, paragraphStart, paragraphText);
		}

		/** Font scaling measures the same text again and again. */
		private boolean dropsBreaks(String paragraph) {
			if (!paragraph.equals(this.lastParagraph)) {
				this.lastParagraph = paragraph;
				this.lastDropsBreaks = RuleBreakIterator.dropsBreaks(paragraph);
			}
			return this.lastDropsBreaks;
		}

	}

	/** What the wrapper needs of the measurer, which keeps its own context to itself. */
	private static final class Context implements TextMeasureContext {

		private final FontUtil fontUtil;

		private final JRCommonText element;

		private final boolean ignoreMissingFont;

		Context(FontUtil fontUtil, JRCommonText element) {
			this.fontUtil = fontUtil;
			this.element = element;
			this.ignoreMissingFont = JRPropertiesUtil.getInstance(fontUtil.getJasperReportsContext())
				.getBooleanProperty(getPropertiesHolder(), JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT, false);
		}

		@Override
		public JasperReportsContext getJasperReportsContext() {
			return this.fontUtil.getJasperReportsContext();
		}

		@Override
		public FontUtil getFontUtil() {
			return this.fontUtil;
		}

		@Override
		public JRCommonText getElement() {
			return this.element;
		}

		@Override
		public JRPropertiesHolder getPropertiesHolder() {
			return (this.element instanceof JRPropertiesHolder holder) ? holder : null;
		}

		@Override
		public boolean isIgnoreMissingFont() {
			return this.ignoreMissingFont;
		}

		@Override
		public FontRenderContext getFontRenderContext() {
			return AbstractTextRenderer.LINE_BREAK_FONT_RENDER_CONTEXT;
		}

	}

}
