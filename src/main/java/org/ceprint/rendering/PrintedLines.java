package org.ceprint.rendering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads back every printed line of a PDF, each on its own. JasperReports' PDF library
 * places each line of a text element with its own text matrix ({@code Tm}), so a line is
 * the glyphs shown after one positioning, continued only by glyphs that follow on, on the
 * same baseline: two cells on the same baseline stay two lines.
 */
public final class PrintedLines {

	/** A printed line: its page (from 1) and its text. */
	public record Line(int page, String text) {

	}

	private PrintedLines() {
	}

	/** Every non-blank line of every page, in drawing order. */
	public static List<Line> of(PDDocument document) throws IOException {
		Collector collector = new Collector();
		collector.getText(document);
		collector.flush();
		return collector.lines;
	}

	/** Collects the glyphs of each page into lines as the page's content is drawn. */
	private static final class Collector extends PDFTextStripper {

		private static final Set<String> POSITIONING = Set.of("BT", "Tm", "Td", "TD", "T*", "'", "\"");

		private final List<Line> lines = new ArrayList<>();

		private final StringBuilder line = new StringBuilder();

		private TextPosition last;

		private boolean positioned;

		private int page;

		Collector() throws IOException {
			setSortByPosition(false);
		}

		@Override
		protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
			if (POSITIONING.contains(operator.getName())) {
				this.positioned = true;
			}
			super.processOperator(operator, operands);
		}

		@Override
		protected void startPage(PDPage pdPage) throws IOException {
			flush();
			this.page = getCurrentPageNo();
		}

		@Override
		protected void endPage(PDPage pdPage) {
			flush();
		}

		@Override
		protected void processTextPosition(TextPosition glyph) {
			if (this.last != null && !(continues(glyph) || (!this.positioned && sameBaseline(glyph)))) {
				flush();
			}
			this.positioned = false;
			this.line.append(glyph.getUnicode());
			this.last = glyph;
		}

		private boolean sameBaseline(TextPosition glyph) {
			return Math.abs(glyph.getY() - this.last.getY()) < 0.5f;
		}

		/**
		 * Whether the glyph follows the last one on, as the next glyph of the same line.
		 */
		private boolean continues(TextPosition glyph) {
			return sameBaseline(glyph) && Math.abs(glyph.getX() - (this.last.getX() + this.last.getWidth())) < 0.5f;
		}

		void flush() {
			if (!this.line.toString().isBlank()) {
				this.lines.add(new Line(this.page, this.line.toString()));
			}
			this.line.setLength(0);
			this.last = null;
		}

	}

}
