package org.ceprint.rendering.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

import org.springframework.core.io.ClassPathResource;

/**
 * Draws the 验证专用章 of an HRSS office as vector graphics: a red ring, a five-pointed star,
 * the office's name along the upper arc and 验证专用章 straight along the bottom. The
 * characters are glyph outlines, not text, so a seal neither needs a font in the PDF nor
 * pollutes the page's extractable text. The ink multiplies with what lies beneath, as a
 * real stamp does, so the row's text stays legible through it.
 */
public final class VerificationSeals {

	static final String SEAL_FONT = "fonts/NotoSerifSC_700Bold.ttf";

	/** Seal red, close to the 朱红 of stamp pads. */
	static final PDColor INK = new PDColor(new float[] { 0.86f, 0.08f, 0.10f }, PDDeviceRGB.INSTANCE);

	private static final Font FONT = loadFont();

	private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

	/**
	 * The vertical centre of 国 per point of font size, the line every character sits on.
	 */
	private static final double EM_CENTRE_Y = FONT.deriveFont(1000f)
		.createGlyphVector(CONTEXT, "国")
		.getVisualBounds()
		.getCenterY() / 1000;

	private VerificationSeals() {
	}

	public static boolean covers(int codePoint) {
		return FONT.canDisplay(codePoint);
	}

	/**
	 * One seal as a form XObject of the document, its centre at the origin.
	 * @param office the office's name, along the arc
	 * @param diameter the seal's diameter in points
	 */
	static PDFormXObject form(PDDocument document, String office, float diameter) throws IOException {
		office.codePoints().filter((c) -> !FONT.canDisplay(c)).findFirst().ifPresent((c) -> {
			throw new IllegalArgumentException("验证专用章上的机关名称「%s」含有印章字体没有的字 U+%04X".formatted(office, c));
		});
		float radius = diameter / 2;
		// an appearance stream is a form XObject whose content can be written compressed
		PDAppearanceStream form = new PDAppearanceStream(document);
		form.setBBox(new PDRectangle(-radius, -radius, diameter, diameter));
		form.setResources(new PDResources());
		PDExtendedGraphicsState ink = new PDExtendedGraphicsState();
		ink.setBlendMode(BlendMode.MULTIPLY);
		ink.setNonStrokingAlphaConstant(0.9f);
		ink.setStrokingAlphaConstant(0.9f);
		try (PDPageContentStream content = new PDPageContentStream(document, form,
				form.getStream().createOutputStream(COSName.FLATE_DECODE))) {
			content.setGraphicsStateParameters(ink);
			content.setStrokingColor(INK);
			content.setNonStrokingColor(INK);
			// proportions for a 15 mm seal (12 to 17 mm): a 0.45 mm ring, a star a third
			// of the seal across, the name 2.2 mm tall, 验证专用章 1.9 mm tall
			float ring = diameter * 0.03f;
			content.setLineWidth(ring);
			circle(content, radius - ring / 2);
			content.stroke();
			star(content, diameter * 0.17f);
			content.fill();
			arcText(content, office, radius - ring - diameter * 0.025f, diameter);
			content.fill();
			straightText(content, "验证专用章", -radius * 0.56f, diameter * 0.125f, 0.85f);
			content.fill();
		}
		return form;
	}

	private static void circle(PDPageContentStream content, float r) throws IOException {
		float k = 0.5523f * r;
		content.moveTo(r, 0);
		content.curveTo(r, k, k, r, 0, r);
		content.curveTo(-k, r, -r, k, -r, 0);
		content.curveTo(-r, -k, -k, -r, 0, -r);
		content.curveTo(k, -r, r, -k, r, 0);
		content.closePath();
	}

	private static void star(PDPageContentStream content, float outer) throws IOException {
		float inner = outer * 0.382f;
		for (int i = 0; i < 10; i++) {
			double angle = Math.PI / 2 + i * Math.PI / 5;
			float r = (i % 2 == 0) ? outer : inner;
			float x = (float) (r * Math.cos(angle));
			float y = (float) (r * Math.sin(angle));
			if (i == 0) {
				content.moveTo(x, y);
			}
			else {
				content.lineTo(x, y);
			}
		}
		content.closePath();
	}

	/**
	 * The name along the upper arc, each character upright towards the rim, the whole
	 * centred on the top and spanning at most 230 degrees. The characters keep their
	 * height and are narrowed to fit, as on a seal cut for a long name: on a 15 mm seal a
	 * name of 13 to 17 characters stays 2.2 mm tall.
	 */
	private static void arcText(PDPageContentStream content, String text, float outerRadius, float diameter)
			throws IOException {
		int[] chars = text.codePoints().toArray();
		if (chars.length == 0) {
			return;
		}
		double span = Math.toRadians(Math.min(230, Math.max(100, chars.length * 20)));
		double step = span / chars.length;
		float size = diameter * 0.15f;
		float centreRadius = outerRadius - size * 0.5f;
		float narrowing = (float) Math.min(1, step * centreRadius * 0.94 / size);
		for (int i = 0; i < chars.length; i++) {
			double angle = Math.PI / 2 + span / 2 - (i + 0.5) * step;
			AffineTransform place = AffineTransform.getTranslateInstance(centreRadius * Math.cos(angle),
					centreRadius * Math.sin(angle));
			place.rotate(angle - Math.PI / 2);
			glyph(content, chars[i], size, narrowing, place);
		}
	}

	private static void straightText(PDPageContentStream content, String text, float centreY, float size,
			float narrowing) throws IOException {
		int[] chars = text.codePoints().toArray();
		float pitch = size * narrowing * 1.04f;
		for (int i = 0; i < chars.length; i++) {
			float x = (i - (chars.length - 1) / 2f) * pitch;
			glyph(content, chars[i], size, narrowing, AffineTransform.getTranslateInstance(x, centreY));
		}
	}

	/**
	 * Appends one character's outline, its em box centred on the origin of {@code place}
	 * (PDF space, y up), its width scaled by {@code narrowing}.
	 */
	private static void glyph(PDPageContentStream content, int codePoint, float size, float narrowing,
			AffineTransform place) throws IOException {
		Font font = FONT.deriveFont(size);
		Shape outline = font.createGlyphVector(CONTEXT, Character.toChars(codePoint)).getOutline();
		Rectangle2D bounds = outline.getBounds2D();
		AffineTransform transform = new AffineTransform(place);
		// Java 2D is y-down: flip, then centre horizontally on the glyph and vertically
		// on
		// the em box of 国, so every character sits on the same line.
		transform.scale(narrowing, -1);
		transform.translate(-bounds.getCenterX(), -EM_CENTRE_Y * size);
		append(content, outline.getPathIterator(transform));
	}

	private static void append(PDPageContentStream content, PathIterator path) throws IOException {
		float[] c = new float[6];
		float x = 0;
		float y = 0;
		while (!path.isDone()) {
			switch (path.currentSegment(c)) {
				case PathIterator.SEG_MOVETO -> {
					content.moveTo(c[0], c[1]);
					x = c[0];
					y = c[1];
				}
				case PathIterator.SEG_LINETO -> {
					content.lineTo(c[0], c[1]);
					x = c[0];
					y = c[1];
				}
				case PathIterator.SEG_QUADTO -> {
					// a quadratic Bézier as the cubic PDF paths have
					content.curveTo(x + 2f / 3 * (c[0] - x), y + 2f / 3 * (c[1] - y), c[2] + 2f / 3 * (c[0] - c[2]),
							c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
					x = c[2];
					y = c[3];
				}
				case PathIterator.SEG_CUBICTO -> {
					content.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
					x = c[4];
					y = c[5];
				}
				default -> content.closePath();
			}
			path.next();
		}
	}

	private static Font loadFont() {
		try (InputStream in = new ClassPathResource(SEAL_FONT).getInputStream()) {
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("字体文件缺失：" + SEAL_FONT, ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("字体文件无法读取：" + SEAL_FONT, ex);
		}
	}

}
