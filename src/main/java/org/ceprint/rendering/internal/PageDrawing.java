package org.ceprint.rendering.internal;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * What one pass over a page's content stream finds, read from the operators alone (not
 * from any record of the renderer): the ink of each form drawn in the 验证专用章 layer, the
 * straight ruling lines, and the characters with their positions. Coordinates are page
 * points from the top left.
 */
public final class PageDrawing extends PDFGraphicsStreamEngine {

	/** A horizontal or vertical stroked line. */
	public record Rule(double x1, double y1, double x2, double y2) {

		public boolean vertical() {
			return Math.abs(this.x1 - this.x2) < 0.01;
		}

		public boolean horizontal() {
			return Math.abs(this.y1 - this.y2) < 0.01;
		}

	}

	/** A character: its text, left edge, baseline and size. */
	public record Glyph(String text, double x, double baseline, double width, double size) {

	}

	/** The smallest circle about a seal's centre that holds all of its ink. */
	public record Ink(double x, double y, double radius) {

	}

	private static final int CURVE_STEPS = 8;

	private final double pageHeight;

	private final List<Rule> rules = new ArrayList<>();

	private final List<Glyph> glyphs = new ArrayList<>();

	private final List<Ink> seals = new ArrayList<>();

	/** The current path's points (x, y pairs) and its straight segments. */
	private final List<double[]> points = new ArrayList<>();

	private final List<double[]> segments = new ArrayList<>();

	private double[] current;

	private double[] start;

	private int markedDepth;

	private int sealLayerDepth;

	/**
	 * The ink of the seal form being read: points (PDF space) with the half line width of
	 * each.
	 */
	private List<double[]> sealInk;

	/**
	 * The ink of each seal form read so far, in the space the form was drawn in: a form
	 * drawn many times is read once.
	 */
	private final Map<COSBase, Ink> formInk;

	private PageDrawing(PDPage page, Map<COSBase, Ink> formInk) {
		super(page);
		this.pageHeight = page.getMediaBox().getHeight();
		this.formInk = formInk;
	}

	/**
	 * @param formInk where the ink of seal forms is kept between pages of one document
	 */
	public static PageDrawing of(PDPage page, Map<COSBase, Ink> formInk) throws IOException {
		PageDrawing drawing = new PageDrawing(page, formInk);
		drawing.processPage(page);
		return drawing;
	}

	public List<Rule> rules() {
		return this.rules;
	}

	public List<Glyph> glyphs() {
		return this.glyphs;
	}

	public List<Ink> seals() {
		return this.seals;
	}

	@Override
	protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
		String name = operator.getName();
		if ("BDC".equals(name) || "BMC".equals(name)) {
			this.markedDepth++;
			if (this.sealLayerDepth == 0 && operands.size() == 2 && COSName.OC.equals(operands.get(0))
					&& operands.get(1) instanceof COSName properties
					&& getResources().getProperties(properties) instanceof PDOptionalContentGroup layer
					&& PdfFinishing.SEAL_LAYER.equals(layer.getName())) {
				this.sealLayerDepth = this.markedDepth;
			}
			return;
		}
		if ("EMC".equals(name)) {
			if (this.markedDepth == this.sealLayerDepth) {
				this.sealLayerDepth = 0;
			}
			this.markedDepth = Math.max(0, this.markedDepth - 1);
			return;
		}
		super.processOperator(operator, operands);
	}

	@Override
	public void showForm(PDFormXObject form) throws IOException {
		if (this.sealLayerDepth == 0 || this.sealInk != null) {
			super.showForm(form);
			return;
		}
		AffineTransform ctm = getGraphicsState().getCurrentTransformationMatrix().createAffineTransform();
		Ink inForm = this.formInk.get(form.getCOSObject());
		if (inForm == null) {
			this.sealInk = new ArrayList<>();
			super.showForm(form);
			inForm = InkCircles.inFormSpace(this.sealInk, ctm);
			this.formInk.put(form.getCOSObject(), inForm);
			this.sealInk = null;
		}
		if (inForm.radius() > 0) {
			Point2D centre = ctm.transform(new Point2D.Double(inForm.x(), inForm.y()), null);
			this.seals.add(
					new Ink(centre.getX(), this.pageHeight - centre.getY(), inForm.radius() * InkCircles.stretch(ctm)));
		}
	}

	@Override
	protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
			throws IOException {
		String text = font.toUnicode(code);
		if (text != null) {
			this.glyphs.add(new Glyph(text, textRenderingMatrix.getTranslateX(),
					this.pageHeight - textRenderingMatrix.getTranslateY(),
					displacement.getX() * textRenderingMatrix.getScalingFactorX(),
					textRenderingMatrix.getScalingFactorY()));
		}
	}

	@Override
	public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
		moveTo((float) p0.getX(), (float) p0.getY());
		lineTo((float) p1.getX(), (float) p1.getY());
		lineTo((float) p2.getX(), (float) p2.getY());
		lineTo((float) p3.getX(), (float) p3.getY());
		closePath();
	}

	@Override
	public void moveTo(float x, float y) {
		this.current = new double[] { x, y };
		this.start = this.current;
		this.points.add(this.current);
	}

	@Override
	public void lineTo(float x, float y) {
		double[] to = { x, y };
		if (this.current != null) {
			this.segments.add(new double[] { this.current[0], this.current[1], x, y });
		}
		this.points.add(to);
		this.current = to;
	}

	@Override
	public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		double[] from = (this.current != null) ? this.current : new double[] { x1, y1 };
		// the curve itself, not its control points, which lie outside a circle's ink
		for (int i = 1; i <= CURVE_STEPS; i++) {
			double t = (double) i / CURVE_STEPS;
			double u = 1 - t;
			double a = u * u * u;
			double b = 3 * u * u * t;
			double c = 3 * u * t * t;
			double d = t * t * t;
			this.points
				.add(new double[] { a * from[0] + b * x1 + c * x2 + d * x3, a * from[1] + b * y1 + c * y2 + d * y3 });
		}
		this.current = new double[] { x3, y3 };
	}

	@Override
	public Point2D getCurrentPoint() {
		return (this.current != null) ? new Point2D.Double(this.current[0], this.current[1]) : null;
	}

	@Override
	public void closePath() {
		if (this.start != null) {
			lineTo((float) this.start[0], (float) this.start[1]);
		}
	}

	@Override
	public void endPath() {
		paint(false, false);
	}

	@Override
	public void strokePath() {
		paint(false, true);
	}

	@Override
	public void fillPath(int windingRule) {
		paint(true, false);
	}

	@Override
	public void fillAndStrokePath(int windingRule) {
		paint(true, true);
	}

	private void paint(boolean fill, boolean stroke) {
		if (this.sealInk != null && (fill || stroke)) {
			double halfWidth = stroke ? lineWidth() / 2 : 0;
			for (double[] p : this.points) {
				this.sealInk.add(new double[] { p[0], p[1], halfWidth });
			}
		}
		else if (stroke) {
			for (double[] s : this.segments) {
				Rule rule = new Rule(s[0], this.pageHeight - s[1], s[2], this.pageHeight - s[3]);
				if (rule.vertical() || rule.horizontal()) {
					this.rules.add(rule);
				}
			}
		}
		this.points.clear();
		this.segments.clear();
		this.current = null;
		this.start = null;
	}

	private double lineWidth() {
		Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
		double scale = Math.sqrt(Math.abs(ctm.getScaleX() * ctm.getScaleY() - ctm.getShearX() * ctm.getShearY()));
		return getGraphicsState().getLineWidth() * scale;
	}

	@Override
	public void clip(int windingRule) {
	}

	@Override
	public void drawImage(PDImage image) {
	}

	@Override
	public void shadingFill(COSName shadingName) {
	}

}
