package org.ceprint.rendering;

import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import org.ceprint.rendering.internal.PdfFinishing;

/**
 * Reads back from a PDF page what the tests check: where seals (forms drawn in the 验证专用章
 * layer) and images were drawn (from the content stream's transformation matrices) and
 * where text lies. Coordinates are in points from the page's top left, like
 * JasperReports'.
 */
public final class PdfProbe {

	private PdfProbe() {
	}

	/** A seal drawn on a page: its centre and its rotation. */
	public record Seal(Point2D.Float centre, double rotationDegrees) {

	}

	/** An image drawn on a page: its size on paper and in pixels. */
	record Image(Rectangle2D.Float box, int pixelWidth) {

	}

	/** A filled path on a page: its bounds and whether it was filled black or white. */
	record Fill(Rectangle2D box, boolean black, boolean white) {

	}

	/** Every filled path of a page, forms included, in drawing order. */
	static List<Fill> fills(PDDocument document, int pageIndex) throws IOException {
		PDPage page = document.getPage(pageIndex);
		float height = page.getMediaBox().getHeight();
		List<Fill> fills = new ArrayList<>();
		PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {

			private final GeneralPath path = new GeneralPath();

			@Override
			public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
				this.path.moveTo(p0.getX(), p0.getY());
				this.path.lineTo(p1.getX(), p1.getY());
				this.path.lineTo(p2.getX(), p2.getY());
				this.path.lineTo(p3.getX(), p3.getY());
				this.path.closePath();
			}

			@Override
			public void moveTo(float x, float y) {
				this.path.moveTo(x, y);
			}

			@Override
			public void lineTo(float x, float y) {
				this.path.lineTo(x, y);
			}

			@Override
			public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
				this.path.curveTo(x1, y1, x2, y2, x3, y3);
			}

			@Override
			public Point2D getCurrentPoint() {
				return this.path.getCurrentPoint();
			}

			@Override
			public void closePath() {
				this.path.closePath();
			}

			@Override
			public void endPath() {
				this.path.reset();
			}

			@Override
			public void fillPath(int windingRule) throws IOException {
				Rectangle2D bounds = this.path.getBounds2D();
				float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
				int value = getGraphicsState().getNonStrokingColor().toRGB();
				fills.add(new Fill(new Rectangle2D.Double(bounds.getX(), height - bounds.getMaxY(), bounds.getWidth(),
						bounds.getHeight()), value == 0 && rgb.length > 0, value == 0xFFFFFF));
				this.path.reset();
			}

			@Override
			public void fillAndStrokePath(int windingRule) throws IOException {
				fillPath(windingRule);
			}

			@Override
			public void strokePath() {
				this.path.reset();
			}

			@Override
			public void shadingFill(COSName shadingName) {
			}

			@Override
			public void drawImage(PDImage image) {
			}

			@Override
			public void clip(int windingRule) {
			}

		};
		engine.processPage(page);
		return fills;
	}

	public static List<Seal> seals(PDDocument document, int pageIndex) throws IOException {
		Drawings drawings = new Drawings();
		drawings.processPage(document.getPage(pageIndex));
		return drawings.seals;
	}

	static List<Image> images(PDDocument document, int pageIndex) throws IOException {
		Drawings drawings = new Drawings();
		drawings.processPage(document.getPage(pageIndex));
		return drawings.images;
	}

	/** The box of every character on a 1-based page. */
	static List<Rectangle2D.Float> glyphs(PDDocument document, int page) throws IOException {
		List<Rectangle2D.Float> boxes = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition position) {
				boxes.add(box(position));
			}
		};
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		stripper.getText(document);
		return boxes;
	}

	/** The boxes of every occurrence of {@code text} on a 1-based page. */
	public static List<Rectangle2D.Float> find(PDDocument document, int page, String text) throws IOException {
		List<TextPosition> glyphs = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition position) {
				glyphs.add(position);
			}
		};
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		stripper.getText(document);
		List<Rectangle2D.Float> found = new ArrayList<>();
		int length = text.codePointCount(0, text.length());
		for (int i = 0; i + length <= glyphs.size(); i++) {
			StringBuilder run = new StringBuilder();
			for (int j = i; j < i + length; j++) {
				run.append(glyphs.get(j).getUnicode());
			}
			if (run.toString().equals(text)) {
				Rectangle2D.Float box = box(glyphs.get(i));
				for (int j = i + 1; j < i + length; j++) {
					box.add(box(glyphs.get(j)));
				}
				found.add(box);
			}
		}
		return found;
	}

	private static Rectangle2D.Float box(TextPosition glyph) {
		return new Rectangle2D.Float(glyph.getXDirAdj(), glyph.getYDirAdj() - glyph.getHeightDir(),
				glyph.getWidthDirAdj(), glyph.getHeightDir());
	}

	private static final class Drawings extends PDFStreamEngine {

		final List<Seal> seals = new ArrayList<>();

		final List<Image> images = new ArrayList<>();

		private float pageHeight;

		Drawings() {
			addOperator(new Concatenate(this));
			addOperator(new SetGraphicsStateParameters(this));
			addOperator(new Save(this));
			addOperator(new Restore(this));
			addOperator(new SetMatrix(this));
		}

		@Override
		public void processPage(PDPage page) throws IOException {
			this.pageHeight = page.getMediaBox().getHeight();
			super.processPage(page);
		}

		private int sealLayerDepth;

		private int markedDepth;

		@Override
		protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
			if ("BDC".equals(operator.getName()) || "BMC".equals(operator.getName())) {
				this.markedDepth++;
				if (operands.size() == 2 && COSName.OC.equals(operands.get(0))
						&& getResources()
							.getProperties((COSName) operands.get(1)) instanceof PDOptionalContentGroup layer
						&& PdfFinishing.SEAL_LAYER.equals(layer.getName()) && this.sealLayerDepth == 0) {
					this.sealLayerDepth = this.markedDepth;
				}
				return;
			}
			if ("EMC".equals(operator.getName())) {
				if (this.markedDepth == this.sealLayerDepth) {
					this.sealLayerDepth = 0;
				}
				this.markedDepth--;
				return;
			}
			if ("Do".equals(operator.getName())) {
				PDXObject object = getResources().getXObject((COSName) operands.get(0));
				Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
				if (object instanceof PDImageXObject image) {
					this.images.add(new Image(new Rectangle2D.Float(ctm.getTranslateX(),
							this.pageHeight - ctm.getTranslateY() - ctm.getScalingFactorY(), ctm.getScalingFactorX(),
							ctm.getScalingFactorY()), image.getWidth()));
				}
				else if (object instanceof PDFormXObject form) {
					if (this.sealLayerDepth > 0) {
						this.seals
							.add(new Seal(new Point2D.Float(ctm.getTranslateX(), this.pageHeight - ctm.getTranslateY()),
									Math.toDegrees(Math.atan2(ctm.getShearY(), ctm.getScaleX()))));
					}
					else {
						showForm(form);
					}
				}
				return;
			}
			super.processOperator(operator, operands);
		}

	}

}
