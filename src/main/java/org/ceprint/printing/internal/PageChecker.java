package org.ceprint.printing.internal;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Reads one page's content the way a viewer would, without drawing it, and reports every
 * glyph it shows that would not print or extract as the character meant: a font that is
 * not embedded, a code that maps to no glyph of the font ({@code .notdef}, GID 0), a
 * glyph without outline for a visible character, a code without a ToUnicode entry. The
 * reports give the font and the code, never the character, which may be part of a name.
 * On the way it notes where QR symbols are drawn: Jasper draws each
 * {@code Graphics2DRenderable} of a template (in ceprint only the QR code,
 * {@code QrCodes.Symbol}) as a form XObject with a square box at the origin and no
 * resources of its own, unlike the seals (boxes centred on the origin, with a graphics
 * state) and the text.
 */
class PageChecker extends PDFGraphicsStreamEngine {

	/**
	 * A QR symbol is drawn 20 to 60 mm wide; smaller or larger forms are something else.
	 */
	private static final double MIN_QR_POINTS = 56;

	private static final double MAX_QR_POINTS = 170;

	/**
	 * Codes of a font already found good, per font dictionary: pages share their fonts.
	 */
	private final Map<COSDictionary, Set<Integer>> goodCodes;

	private final Set<String> problems = new LinkedHashSet<>();

	private final List<Rectangle2D> qrBoxes = new ArrayList<>();

	private final Point2D current = new Point2D.Float();

	PageChecker(PDPage page, Map<COSDictionary, Set<Integer>> goodCodes) {
		super(page);
		this.goodCodes = goodCodes;
	}

	/** A cache of good codes for the pages of one file. */
	static Map<COSDictionary, Set<Integer>> newCache() {
		return new HashMap<>();
	}

	/**
	 * Reads the page; then {@link #problems()} and {@link #qrBoxes()} hold what it found.
	 */
	void check() throws IOException {
		processPage(getPage());
	}

	/** What is wrong with the page's text, in Chinese, each once. */
	List<String> problems() {
		return List.copyOf(this.problems);
	}

	/** Where QR symbols are drawn, in the page's default user space. */
	List<Rectangle2D> qrBoxes() {
		return List.copyOf(this.qrBoxes);
	}

	@Override
	protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
			throws IOException {
		Set<Integer> good = this.goodCodes.computeIfAbsent(font.getCOSObject(), (key) -> new HashSet<>());
		if (good.contains(code)) {
			return;
		}
		String problem = problem(font, code);
		if (problem == null) {
			good.add(code);
		}
		else {
			this.problems.add(problem);
		}
	}

	private static String problem(PDFont font, int code) throws IOException {
		String name = font.getName();
		if (!font.isEmbedded()) {
			return "字体 %s 未嵌入 PDF，印刷厂的设备可能换用其他字体".formatted(name);
		}
		String text = font.toUnicode(code);
		if (!(font instanceof PDVectorFont vector) || !vector.hasGlyph(code)) {
			return "字体 %s 中没有编码 %04X 的字形（.notdef，GID 0），该字会印成空框或空白".formatted(name, code);
		}
		if (text == null || text.isEmpty()) {
			return "字体 %s 的编码 %04X 没有 ToUnicode 映射，PDF 中的文字无法复制或检索".formatted(name, code);
		}
		if (!text.isBlank() && vector.getPath(code).getBounds2D().isEmpty()) {
			return "字体 %s 中编码 %04X 的字形是空的（子集中缺少该字），该字会印成空白".formatted(name, code);
		}
		return null;
	}

	@Override
	public void showForm(PDFormXObject form) throws IOException {
		PDRectangle box = form.getBBox();
		PDResources resources = form.getResources();
		boolean ownResources = resources != null && resources.getCOSObject().size() > 0;
		if (box != null && !ownResources && box.getLowerLeftX() == 0 && box.getLowerLeftY() == 0
				&& Math.abs(box.getWidth() - box.getHeight()) < 0.01) {
			Matrix matrix = form.getMatrix().multiply(getGraphicsState().getCurrentTransformationMatrix());
			Rectangle2D drawn = box.transform(matrix).getBounds2D();
			if (drawn.getWidth() >= MIN_QR_POINTS && drawn.getWidth() <= MAX_QR_POINTS) {
				this.qrBoxes.add(drawn);
			}
		}
		// a form with resources of its own but no fonts and no forms in them shows no
		// text: the seals (tens of kilobytes of paths each, up to eight a page) and the
		// QR
		// symbols are not read through, which halves the time of a page
		if (resources == null || resources.getCOSObject().containsKey(COSName.FONT)
				|| resources.getCOSObject().containsKey(COSName.XOBJECT)) {
			super.showForm(form);
		}
	}

	// the shapes themselves are not checked: the engine only needs somewhere to put them

	@Override
	public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
	}

	@Override
	public void drawImage(PDImage pdImage) {
	}

	@Override
	public void clip(int windingRule) {
	}

	@Override
	public void moveTo(float x, float y) {
		this.current.setLocation(x, y);
	}

	@Override
	public void lineTo(float x, float y) {
		this.current.setLocation(x, y);
	}

	@Override
	public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		this.current.setLocation(x3, y3);
	}

	@Override
	public Point2D getCurrentPoint() {
		return this.current;
	}

	@Override
	public void closePath() {
	}

	@Override
	public void endPath() {
	}

	@Override
	public void strokePath() {
	}

	@Override
	public void fillPath(int windingRule) {
	}

	@Override
	public void fillAndStrokePath(int windingRule) {
	}

	@Override
	public void shadingFill(COSName shadingName) {
	}

}
