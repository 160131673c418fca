package org.ceprint.rendering.internal;

import java.text.AttributedCharacterIterator.Attribute;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicTextChunk;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfProducerFactory;
import net.sf.jasperreports.pdf.common.PdfTextChunk;

/**
 * The PDF exporter's producer with 避头尾: JasperReports' own producer, except that every
 * text chunk breaks its lines with {@link RuleSplitCharacter}. The PDF library wraps each
 * paragraph of a text element itself, so without this it would break lines elsewhere than
 * the fill measured them. Named by
 * {@code net.sf.jasperreports.export.pdf.producer.factory} in
 * {@code jasperreports.properties}.
 */
public class RulePdfProducerFactory implements PdfProducerFactory {

	@Override
	public PdfProducer createProducer(PdfProducerContext context) {
		return new RuleProducer(context);
	}

	private static final class RuleProducer extends ClassicPdfProducer {

		private final RuleSplitCharacter splitCharacter = new RuleSplitCharacter();

		RuleProducer(PdfProducerContext context) {
			super(context);
		}

		@Override
		public PdfTextChunk createChunk(String text, Map<Attribute, Object> attributes, Locale locale) {
			Font font = getFont(attributes, locale);
			Chunk chunk = new Chunk(text, font);
			chunk.setSplitCharacter(this.splitCharacter);
			return new ClassicTextChunk(this, chunk, font);
		}

	}

}
