package org.ceprint.printing.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Renders the region of a page around a QR symbol (the page's crop box, set to it) as the
 * whole page would render there, without drawing the glyphs that lie far outside it: they
 * would be clipped away, and a summary table's hundreds of them made the region cost
 * nearly what the page does. Lines, fills, seals and any glyph near or over the symbol
 * are drawn, so whatever covers the symbol on paper covers it here.
 */
class QrRegionRenderer extends PDFRenderer {

	QrRegionRenderer(PDDocument document) {
		super(document);
	}

	@Override
	protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
		PDRectangle region = parameters.getPage().getCropBox();
		return new PageDrawer(parameters) {

			@Override
			protected void showFontGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
					throws IOException {
				// a glyph spans about its font size from its origin; two sizes of margin
				float reach = 2 * Math.max(Math.abs(textRenderingMatrix.getScalingFactorX()),
						Math.abs(textRenderingMatrix.getScalingFactorY()));
				float x = textRenderingMatrix.getTranslateX();
				float y = textRenderingMatrix.getTranslateY();
				if (x + reach >= region.getLowerLeftX() && x - reach <= region.getUpperRightX()
						&& y + reach >= region.getLowerLeftY() && y - reach <= region.getUpperRightY()) {
					super.showFontGlyph(textRenderingMatrix, font, code, displacement);
				}
			}

		};
	}

}
